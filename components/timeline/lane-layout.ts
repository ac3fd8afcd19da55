/**
 * Vertical geometry of the timeline canvas: a time axis on top, then one lane per clock domain
 * of fixed height. The DOM lane labels use the same numbers, so a label always sits beside its
 * lane. Pure: CSS pixels in, CSS pixels out.
 */

export interface LaneLayout {
  laneCount: number;
  /** Height of the time axis band above the first lane. */
  axisHeight: number;
  laneHeight: number;
  /** Space kept free at the top and bottom of each lane, so neighbouring lanes never touch. */
  padding: number;
  /** Total height: axis plus lanes. */
  height: number;
}

export const AXIS_HEIGHT_PX = 28;
/** Two lines of label text (name, offset) fit beside a lane of this height. */
export const LANE_HEIGHT_PX = 40;
export const LANE_PADDING_PX = 4;
/** An interval bar thinner than this is hard to see and to hit; extra rows wrap around instead. */
export const MIN_ROW_HEIGHT_PX = 3;

export function laneLayout(
  laneCount: number,
  { axisHeight = AXIS_HEIGHT_PX, laneHeight = LANE_HEIGHT_PX, padding = LANE_PADDING_PX } = {},
): LaneLayout {
  const n = Math.max(0, Math.floor(laneCount));
  return { laneCount: n, axisHeight, laneHeight, padding, height: axisHeight + n * laneHeight };
}

export interface Band {
  top: number;
  height: number;
}

/** The lane's whole band (for backgrounds and hit testing). */
export function laneBand(layout: LaneLayout, lane: number): Band {
  return { top: layout.axisHeight + lane * layout.laneHeight, height: layout.laneHeight };
}

/** The lane's drawable inside: its band minus the padding. */
export function laneInner(layout: LaneLayout, lane: number): Band {
  const band = laneBand(layout, lane);
  return { top: band.top + layout.padding, height: Math.max(1, band.height - 2 * layout.padding) };
}

/** The lane under a y coordinate, or -1 above the first lane (the axis) or below the last. */
export function laneAtY(layout: LaneLayout, y: number): number {
  if (!Number.isFinite(y) || y < layout.axisHeight) return -1;
  const lane = Math.floor((y - layout.axisHeight) / layout.laneHeight);
  return lane < layout.laneCount ? lane : -1;
}

/**
 * The band of an interval bar on packed row `row` of `rows` (lib/domain/timeline/lanes.ts
 * packLaneRows). Rows split the lane's inside evenly; when that would make bars thinner than
 * MIN_ROW_HEIGHT_PX, rows beyond what fits wrap around and overlap (a lane of a thousand
 * concurrent spans is a dense block either way).
 */
export function rowBand(layout: LaneLayout, lane: number, row: number, rows: number): Band {
  const inner = laneInner(layout, lane);
  const fit = Math.max(1, Math.floor(inner.height / MIN_ROW_HEIGHT_PX));
  const n = Math.max(1, Math.min(rows, fit));
  const h = inner.height / n;
  const r = ((Math.max(0, row) % n) + n) % n;
  // A gap of one pixel between rows when there is room, so touching bars stay two bars.
  const gap = h >= 4 ? 1 : 0;
  return { top: inner.top + r * h, height: h - gap };
}

/** Which packed row a y coordinate inside a lane falls on (the inverse of rowBand). */
export function rowAtY(layout: LaneLayout, lane: number, rows: number, y: number): number {
  const inner = laneInner(layout, lane);
  const fit = Math.max(1, Math.floor(inner.height / MIN_ROW_HEIGHT_PX));
  const n = Math.max(1, Math.min(rows, fit));
  const r = Math.floor(((y - inner.top) / inner.height) * n);
  return Math.min(n - 1, Math.max(0, r));
}
