/**
 * The timeline's events as columns of typed arrays, sorted by start time: a million events take
 * about 25 MB instead of hundreds of MB of objects, and the visible range of a window is two
 * binary searches. Events without a time (unparsed lines, records with no timestamp) are left out.
 *
 * Times are in one mode: `raw` is what the source wrote, `aligned` is that minus the domain's
 * clock offset (the same shift Alignment.alignedTs applies to `ts`).
 */
import type { AnalysisInput } from '../analysis/input';
import type { Alignment } from '../analysis/results';
import type { TimeWindow } from './view-window';

export type TimeMode = 'raw' | 'aligned';

/** Level codes, ordered by severity so the larger code wins a pixel column's colour. */
export const LEVEL_CODES = { none: 0, trace: 1, debug: 2, info: 3, warn: 4, error: 5, fatal: 6 } as const;
export const LEVEL_COUNT = 7;

/** A normalized level as its code; null and words the parsers kept as-is (`audit`) are 0, not guessed. */
export function levelCode(level: string | null): number {
  if (level === null || !Object.hasOwn(LEVEL_CODES, level)) return 0;
  return LEVEL_CODES[level as keyof typeof LEVEL_CODES];
}

export interface EventColumns {
  mode: TimeMode;
  length: number;
  /** Start time (a point's time, an interval's start), ascending. */
  start: Float64Array;
  /** An interval's end; NaN for points. */
  end: Float64Array;
  /** Lane index (see buildLanes), -1 if the event's domain has no lane. */
  lane: Int32Array;
  /** levelCode of the event. */
  level: Uint8Array;
  /** Index into AnalysisInput.events. */
  event: Int32Array;
  /** The longest interval, so a window's search reaches back to intervals that started before it. */
  maxDurationMs: number;
}

/**
 * Event i's time in `mode` into `out` ([start, end], end NaN for a point); false when it has
 * none. Its interval's start when it has one, else `ts`; in aligned mode both ends shift by
 * `alignedTs - ts` when the event has a `ts`, else by its domain's offset.
 */
function eventTime(input: AnalysisInput, alignment: Alignment, mode: TimeMode, i: number, out: Float64Array): boolean {
  const { ts: tsOf, start, end } = input.events;
  const ts = tsOf[i]!;
  let s: number;
  let e: number;
  // Number.isFinite is false for NaN: no interval, no time.
  if (Number.isFinite(start[i]!) && Number.isFinite(end[i]!)) {
    s = start[i]!;
    e = end[i]!;
  } else if (Number.isFinite(ts)) {
    s = ts;
    e = Number.NaN;
  } else return false;
  if (mode === 'aligned') {
    const a = alignment.alignedTs[i];
    let shift: number;
    if (!Number.isNaN(ts) && a !== undefined && Number.isFinite(a)) shift = a - ts;
    else shift = -(alignment.domains[alignment.domainOf[i] ?? -1]?.offsetMs ?? 0);
    s += shift;
    e += shift;
  }
  out[0] = s;
  out[1] = e;
  return true;
}

/** Builds the columns. `laneOfDomain` maps Alignment domains to lanes (buildLanes); times as eventTime gives them. */
export function buildEventColumns(
  input: AnalysisInput,
  alignment: Alignment,
  laneOfDomain: Int32Array,
  mode: TimeMode,
): EventColumns {
  const { events } = input;
  const n = events.length;
  const s0 = new Float64Array(n);
  const e0 = new Float64Array(n);
  const keep: number[] = [];
  const time = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    if (!eventTime(input, alignment, mode, i, time)) continue;
    s0[i] = time[0]!;
    e0[i] = time[1]!;
    keep.push(i);
  }
  // Events come grouped by source, each in record order: long sorted runs, which TimSort likes.
  keep.sort((a, b) => s0[a]! - s0[b]! || a - b);
  const m = keep.length;
  const start = new Float64Array(m);
  const end = new Float64Array(m);
  const lane = new Int32Array(m);
  const level = new Uint8Array(m);
  const event = new Int32Array(m);
  let maxDurationMs = 0;
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    start[k] = s0[i]!;
    end[k] = e0[i]!;
    const d = alignment.domainOf[i] ?? -1;
    lane[k] = d >= 0 && d < laneOfDomain.length ? laneOfDomain[d]! : -1;
    level[k] = levelCode(events.level[i]!);
    event[k] = i;
    const dur = e0[i]! - s0[i]!;
    if (dur > maxDurationMs) maxDurationMs = dur;
  }
  return { mode, length: m, start, end, lane, level, event, maxDurationMs };
}

/** First position whose start is >= t (length when none). */
export function lowerBound(start: Float64Array, t: number, length: number = start.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose start is > t (length when none). */
export function upperBound(start: Float64Array, t: number, length: number = start.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions [from, to) that may show in the window: every event starting in it, plus those that
 * started up to maxDurationMs before it (intervals reaching in). A superset: use `isVisible` (or
 * countVisible) per position. One very long span widens it; it stays correct.
 */
export function visibleRange(cols: EventColumns, w: TimeWindow): { from: number; to: number } {
  const to = upperBound(cols.start, w.endMs, cols.length);
  const from = lowerBound(cols.start, w.startMs - cols.maxDurationMs, cols.length);
  return { from: Math.min(from, to), to };
}

/** Whether the event at position k shows in the window: a point inside it, or an interval overlapping it (edges inclusive). */
export function isVisible(cols: EventColumns, k: number, w: TimeWindow): boolean {
  const s = cols.start[k]!;
  if (s > w.endMs) return false;
  const e = cols.end[k]!;
  return (Number.isNaN(e) ? s : e) >= w.startMs;
}

/** How many events show in the window (feeds shouldBin). */
export function countVisible(cols: EventColumns, w: TimeWindow): number {
  const { from, to } = visibleRange(cols, w);
  let count = 0;
  for (let k = from; k < to; k++) if (isVisible(cols, k, w)) count++;
  return count;
}

/**
 * The extent of the events in `mode`, as columnsExtent of their columns gives it, without
 * building (and sorting) them: the investigation opens with the extent in both modes but draws
 * one (1M events: 0.5-0.7 s per build).
 */
export function eventsExtent(input: AnalysisInput, alignment: Alignment, mode: TimeMode): TimeWindow | null {
  let startMs = Infinity;
  let endMs = -Infinity;
  let any = false;
  const time = new Float64Array(2);
  for (let i = 0; i < input.events.length; i++) {
    if (!eventTime(input, alignment, mode, i, time)) continue;
    any = true;
    const s = time[0]!;
    const e = time[1]!;
    if (s < startMs) startMs = s;
    const t = Number.isNaN(e) ? s : e;
    if (t > endMs) endMs = t;
  }
  return any ? { startMs, endMs } : null;
}

/** The incident's extent in this mode: earliest start to latest end (or point); null when empty. */
export function columnsExtent(cols: EventColumns): TimeWindow | null {
  if (cols.length === 0) return null;
  let endMs = -Infinity;
  for (let k = 0; k < cols.length; k++) {
    const e = cols.end[k]!;
    const t = Number.isNaN(e) ? cols.start[k]! : e;
    if (t > endMs) endMs = t;
  }
  return { startMs: cols.start[0]!, endMs };
}
