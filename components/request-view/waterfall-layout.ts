/**
 * The request waterfall's geometry, in aligned time: one lane per clock domain the request
 * touched, top to bottom in the order the request reached them (a lane's first event), so a
 * browser -> gateway -> service -> database request reads downwards. Intervals (HAR entries,
 * spans, logs with a duration) are bars packed into sub-rows so they never overlap; points (log
 * lines) are ticks across the lane's height. Untimed events cannot be placed and are counted.
 */
import type { EventBriefDto } from '@/lib/schemas/investigation';
import { packLaneRows } from '@/lib/domain/timeline/lanes';
import type { TimeWindow } from '@/lib/domain/timeline/view-window';
import { eventLaneLabel } from './lane-labels';

export interface WaterfallGeometry {
  /** Height of one bar row, px. */
  rowHeight: number;
  rowGap: number;
  /** Space above and below a lane's rows. */
  lanePadding: number;
}

export const WATERFALL_GEOMETRY: WaterfallGeometry = { rowHeight: 12, rowGap: 3, lanePadding: 6 };

export interface WaterfallLane {
  lane: number;
  label: string;
  /** Offset from the top of the lanes area, px. */
  top: number;
  height: number;
  /** Timed events drawn in it. */
  events: number;
}

export interface WaterfallMark {
  eventId: number;
  lane: number;
  /** An interval (a bar) rather than a point (a tick). */
  bar: boolean;
  start: number;
  end: number;
  top: number;
  height: number;
  level: string | null;
  label: string;
}

export interface WaterfallLayout {
  lanes: WaterfallLane[];
  marks: WaterfallMark[];
  /** The aligned time shown, padded so marks at the edges stay visible; null with no timed event. */
  window: TimeWindow | null;
  /** Height of the lanes area, px. */
  height: number;
  /** Events without an aligned time: listed, not drawn. */
  untimed: number;
}

type WaterfallEvent = Pick<EventBriefDto, 'id' | 'lane' | 'source' | 'service' | 'at' | 'endAt' | 'level' | 'name' | 'message'>;

/** A lone point or instant request still gets some width to sit in. */
const MIN_WINDOW_MS = 10;
const EDGE_PAD = 0.02;

export function waterfallLayout(
  events: readonly WaterfallEvent[],
  laneIds: readonly number[],
  labels: ReadonlyMap<number, string>,
  geometry: WaterfallGeometry = WATERFALL_GEOMETRY,
): WaterfallLayout {
  const timed = events.filter((e): e is WaterfallEvent & { at: number } => e.at !== null && Number.isFinite(e.at));

  // Lanes: every lane of the request, in the order of their first timed event; lanes with none last.
  const first = new Map<number, number>();
  const sample = new Map<number, WaterfallEvent>();
  for (const lane of laneIds) first.set(lane, Infinity);
  for (const e of events) {
    if (!sample.has(e.lane)) sample.set(e.lane, e);
    if (!first.has(e.lane)) first.set(e.lane, Infinity);
  }
  for (const e of timed) first.set(e.lane, Math.min(first.get(e.lane)!, e.at));
  const order = [...first.keys()].sort((a, b) => first.get(a)! - first.get(b)! || a - b);
  const position = new Map(order.map((lane, i) => [lane, i]));

  // Pack bars per lane (packLaneRows wants dense lane numbers: the lane's position here).
  const n = timed.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const lane = new Int32Array(n);
  timed.forEach((e, i) => {
    start[i] = e.at;
    end[i] = e.endAt !== null && Number.isFinite(e.endAt) ? Math.max(e.at, e.endAt) : NaN;
    lane[i] = position.get(e.lane)!;
  });
  const packing = packLaneRows(start, end, lane, order.length);

  const { rowHeight, rowGap, lanePadding } = geometry;
  const counts = new Int32Array(order.length);
  for (let i = 0; i < n; i++) counts[lane[i]!]! += 1;
  let top = 0;
  const lanes: WaterfallLane[] = order.map((id, i) => {
    const rows = packing.rowsPerLane[i]!;
    const height = lanePadding * 2 + rows * rowHeight + (rows - 1) * rowGap;
    const fallback = sample.get(id);
    const label = fallback ? eventLaneLabel(labels, fallback) : (labels.get(id) ?? `lane ${id}`);
    const row: WaterfallLane = { lane: id, label, top, height, events: counts[i]! };
    top += height;
    return row;
  });

  let lo = Infinity;
  let hi = -Infinity;
  const marks: WaterfallMark[] = timed.map((e, i) => {
    const l = lanes[lane[i]!]!;
    const bar = !Number.isNaN(end[i]!);
    const s = start[i]!;
    const t = bar ? end[i]! : s;
    lo = Math.min(lo, s);
    hi = Math.max(hi, t);
    const r = packing.row[i]!;
    return {
      eventId: e.id,
      lane: e.lane,
      bar,
      start: s,
      end: t,
      top: bar ? l.top + lanePadding + r * (rowHeight + rowGap) : l.top + lanePadding / 2,
      height: bar ? rowHeight : l.height - lanePadding,
      level: e.level,
      label: e.name ?? e.message ?? '(no message)',
    };
  });

  let window: TimeWindow | null = null;
  if (n > 0) {
    const span = Math.max(hi - lo, MIN_WINDOW_MS);
    const mid = (lo + hi) / 2;
    const half = span / 2 + span * EDGE_PAD;
    window = hi - lo >= MIN_WINDOW_MS ? { startMs: lo - span * EDGE_PAD, endMs: hi + span * EDGE_PAD } : { startMs: mid - half, endMs: mid + half };
  }
  return { lanes, marks, window, height: top, untimed: events.length - n };
}
