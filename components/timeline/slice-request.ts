/**
 * Which timeline slice to fetch for a view, and whether the slice already held still serves it.
 * The request is padded (PAD_FACTOR times the visible span, columns in proportion), so a pan
 * or a small zoom draws from data already held while the next slice loads: nothing jumps, and
 * most gestures fetch nothing at all.
 */
import { clampWindow, windowSpan, type TimeWindow } from '@/lib/domain/timeline/view-window';
import type { TimeModeDto } from '@/lib/schemas/investigation';

/** The slice spans this many views: one each side of the visible one. */
export const PAD_FACTOR = 3;
/** The API's limit (timelineQuerySchema). */
export const MAX_COLUMNS = 8192;
/**
 * A binned slice is redrawn until its columns are this far from one per pixel (both ways):
 * twice as wide or half as wide as a pixel still reads fine; beyond that, fetch finer or coarser.
 */
export const BIN_PX_TOLERANCE = 2;

export interface SliceRequest {
  time: TimeModeDto;
  from: number;
  to: number;
  columns: number;
}

/** The padded window for `view` inside `extent`, one column per pixel at the current zoom. */
export function sliceRequest(view: TimeWindow, extent: TimeWindow, widthPx: number, time: TimeModeDto): SliceRequest {
  const span = windowSpan(view);
  const padded = clampWindow(
    { startMs: view.startMs - ((PAD_FACTOR - 1) / 2) * span, endMs: view.endMs + ((PAD_FACTOR - 1) / 2) * span },
    extent,
  );
  const pxPerMs = Math.max(1, widthPx) / Math.max(span, 1e-9);
  const columns = Math.min(MAX_COLUMNS, Math.max(1, Math.round(windowSpan(padded) * pxPerMs)));
  return { time, from: padded.startMs, to: padded.endMs, columns };
}

export interface HeldShape {
  time: TimeModeDto;
  from: number;
  to: number;
  columns: number;
  binned: boolean;
}

/**
 * Whether a held (or in-flight) slice can draw `view`: same mode, it covers the view (as far as
 * the extent goes), and if it is binned, its columns are still about a pixel wide. Events one by
 * one serve any zoom inside their window: they are all there.
 */
export function sliceServes(held: HeldShape, view: TimeWindow, extent: TimeWindow, widthPx: number, time: TimeModeDto): boolean {
  if (held.time !== time) return false;
  const span = windowSpan(view);
  if (!(span > 0) || !(widthPx > 0)) return true;
  // Within a hundredth of a pixel counts as covered: ms round trips through ISO strings and floats.
  const slack = (span / widthPx) * 0.01;
  const needFrom = Math.max(view.startMs, extent.startMs);
  const needTo = Math.min(view.endMs, extent.endMs);
  if (held.from > needFrom + slack || held.to < needTo - slack) return false;
  if (!held.binned) return true;
  const columnPx = ((held.to - held.from) / Math.max(1, held.columns)) * (widthPx / span);
  return columnPx <= BIN_PX_TOLERANCE && columnPx >= 1 / BIN_PX_TOLERANCE;
}

export function sameRequest(a: SliceRequest | null, b: SliceRequest | null): boolean {
  return a !== null && b !== null && a.time === b.time && a.from === b.from && a.to === b.to && a.columns === b.columns;
}
