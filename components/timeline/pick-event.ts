/**
 * Hit testing on the canvas: which held event, or which bin, is under the pointer. Works on the
 * same numbers the drawing uses (view start, pixels per ms, per-lane shifts, lane layout), so
 * what the user sees is what they click.
 */
import type { HeldBins, HeldEvents } from './held-slice';
import { laneAtY, rowAtY, type LaneLayout } from './lane-layout';

export interface ViewScale {
  /** Time at x = 0 of the plot. */
  startMs: number;
  pxPerMs: number;
}

/** How far from a mark (in CSS pixels) a click still takes it: a 1 px tick needs some slack. */
export const PICK_TOLERANCE_PX = 6;

/**
 * The index of the event nearest the pointer on the lane under it, or -1. Distance is horizontal
 * (0 inside an interval); an interval on another packed row than the pointer's counts a few
 * pixels further, so stacked bars pick the one pointed at. Ties go to the more severe level: the
 * error a person aims at wins over the info line beside it.
 */
export function pickEvent(
  events: HeldEvents,
  layout: LaneLayout,
  scale: ViewScale,
  shifts: ArrayLike<number>,
  x: number,
  y: number,
  tolerancePx: number = PICK_TOLERANCE_PX,
): number {
  const lane = laneAtY(layout, y);
  if (lane < 0) return -1;
  const rows = events.rowsPerLane[lane] ?? 1;
  const pointerRow = rowAtY(layout, lane, rows, y);
  const shift = shifts[lane] ?? 0;
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < events.length; i++) {
    if (events.lane[i] !== lane) continue;
    const xs = (events.start[i]! + shift - scale.startMs) * scale.pxPerMs;
    const end = events.end[i]!;
    const point = Number.isNaN(end);
    const xe = point ? xs : (end + shift - scale.startMs) * scale.pxPerMs;
    let score = x < xs ? xs - x : x > xe ? x - xe : 0;
    if (!point && events.row[i] !== pointerRow) score += tolerancePx / 2;
    if (score > tolerancePx) continue;
    if (score < bestScore || (score === bestScore && events.level[i]! > events.level[best]!)) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

export interface PickedBin {
  lane: number;
  column: number;
  count: number;
  maxLevel: number;
  /** The bin's time range in the slice's own mode (add the lane's shift to draw it). */
  fromMs: number;
  toMs: number;
}

/**
 * The bin under the pointer (or the nearest non-empty one within the tolerance), or null. Bins
 * cover the slice [from, to] in `columns` equal columns of each lane.
 */
export function pickBin(
  bins: HeldBins,
  slice: { from: number; to: number },
  layout: LaneLayout,
  scale: ViewScale,
  shifts: ArrayLike<number>,
  x: number,
  y: number,
  tolerancePx: number = PICK_TOLERANCE_PX / 2,
): PickedBin | null {
  const lane = laneAtY(layout, y);
  if (lane < 0 || lane >= bins.lanes || bins.columns === 0) return null;
  const colMs = (slice.to - slice.from) / bins.columns;
  if (!(colMs > 0)) return null;
  const shift = shifts[lane] ?? 0;
  const t = scale.startMs + x / scale.pxPerMs - shift;
  const at = Math.floor((t - slice.from) / colMs);
  const reach = Math.ceil(tolerancePx / Math.max(colMs * scale.pxPerMs, 1e-9));
  for (let d = 0; d <= reach; d++) {
    for (const c of d === 0 ? [at] : [at - d, at + d]) {
      if (c < 0 || c >= bins.columns) continue;
      const i = lane * bins.columns + c;
      const count = bins.counts[i]!;
      if (count > 0) {
        return { lane, column: c, count, maxLevel: bins.maxLevel[i]!, fromMs: slice.from + c * colMs, toMs: slice.from + (c + 1) * colMs };
      }
    }
  }
  return null;
}
