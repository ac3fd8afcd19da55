/**
 * A timeline slice from the API (lib/schemas/investigation.ts timelineSliceDtoSchema) held in
 * typed arrays for the canvas: drawing and hit testing walk plain number arrays every animation
 * frame, and intervals are packed into rows once, when the slice arrives, not per frame.
 */
import { packLaneRows } from '@/lib/domain/timeline/lanes';
import type { TimeModeDto, TimelineSliceDto } from '@/lib/schemas/investigation';

export interface HeldEvents {
  length: number;
  /** Database event ids (Float64: ids are not bounded to 32 bits). */
  id: Float64Array;
  lane: Int32Array;
  start: Float64Array;
  /** NaN for points. */
  end: Float64Array;
  level: Uint8Array;
  label: readonly string[];
  /** Packed row of an interval in its lane, -1 for points. */
  row: Int32Array;
  rowsPerLane: Int32Array;
}

export interface HeldBins {
  columns: number;
  lanes: number;
  /** Row-major [lane][column]. */
  counts: Uint32Array;
  maxLevel: Uint8Array;
  /** The largest count per lane: bars are scaled against their own lane. */
  laneMax: Uint32Array;
}

export interface HeldSlice {
  fingerprint: string;
  time: TimeModeDto;
  from: number;
  to: number;
  /** The pixel columns asked for (bins may come with this many). */
  columns: number;
  visible: number;
  events: HeldEvents | null;
  bins: HeldBins | null;
}

export function holdSlice(dto: TimelineSliceDto, columns: number, laneCount: number): HeldSlice {
  return {
    fingerprint: dto.fingerprint,
    time: dto.time,
    from: dto.from,
    to: dto.to,
    columns,
    visible: dto.visible,
    events: dto.events ? holdEvents(dto.events, laneCount) : null,
    bins: dto.bins ? holdBins(dto.bins) : null,
  };
}

function holdEvents(e: NonNullable<TimelineSliceDto['events']>, laneCount: number): HeldEvents {
  const n = Math.min(e.id.length, e.lane.length, e.start.length, e.end.length, e.level.length);
  const id = new Float64Array(n);
  const lane = new Int32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const level = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = e.id[i]!;
    lane[i] = e.lane[i]!;
    start[i] = e.start[i]!;
    const en = e.end[i];
    end[i] = en === null || en === undefined ? Number.NaN : en;
    level[i] = e.level[i]!;
  }
  const { row, rowsPerLane } = packLaneRows(start, end, lane, laneCount, n);
  return { length: n, id, lane, start, end, level, label: e.label.slice(0, n), row, rowsPerLane };
}

function holdBins(b: NonNullable<TimelineSliceDto['bins']>): HeldBins {
  const size = b.columns * b.lanes;
  const counts = new Uint32Array(size);
  const maxLevel = new Uint8Array(size);
  const laneMax = new Uint32Array(b.lanes);
  for (let i = 0; i < size; i++) {
    const c = b.counts[i] ?? 0;
    counts[i] = c;
    maxLevel[i] = b.maxLevel[i] ?? 0;
    const l = Math.floor(i / b.columns);
    if (c > laneMax[l]!) laneMax[l] = c;
  }
  return { columns: b.columns, lanes: b.lanes, counts, maxLevel, laneMax };
}

/**
 * Events held that show in [startMs, endMs] given per-lane shifts: exact for events one by one;
 * for bins, the slice's `visible` in proportion to the counts in view (an interval counts in
 * every column it covers, so the raw sum would count long spans many times).
 */
export function countInView(slice: HeldSlice, startMs: number, endMs: number, shifts: Float64Array): number {
  const ev = slice.events;
  if (ev) {
    let n = 0;
    for (let i = 0; i < ev.length; i++) {
      const s = shifts[ev.lane[i]!] ?? 0;
      const a = ev.start[i]! + s;
      const e = Number.isNaN(ev.end[i]!) ? a : ev.end[i]! + s;
      if (a <= endMs && e >= startMs) n++;
    }
    return n;
  }
  const bins = slice.bins;
  if (!bins || bins.columns === 0) return 0;
  const colMs = (slice.to - slice.from) / bins.columns;
  let inView = 0;
  let total = 0;
  for (let l = 0; l < bins.lanes; l++) {
    const s = shifts[l] ?? 0;
    const c0 = Math.max(0, Math.floor((startMs - s - slice.from) / colMs));
    const c1 = Math.min(bins.columns - 1, Math.floor((endMs - s - slice.from) / colMs));
    const row = l * bins.columns;
    for (let c = 0; c < bins.columns; c++) {
      const count = bins.counts[row + c]!;
      total += count;
      if (c >= c0 && c <= c1) inView += count;
    }
  }
  return total > 0 ? Math.round((slice.visible * inView) / total) : 0;
}
