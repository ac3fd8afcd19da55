/**
 * The visible time window of the timeline: [startMs, endMs] in the incident's time (raw or
 * aligned, whichever the columns are in). Pure functions on plain objects; every function that
 * takes an extent returns a window clamped into it with at least MIN_SPAN_MS of span.
 *
 * View bounds are Jaeger's: [0, 1] fractions of the extent, so a URL or an overview strip can
 * name a window without knowing the incident's absolute times.
 */

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** The narrowest window a person can zoom to: one millisecond (timestamps rarely go finer). */
export const MIN_SPAN_MS = 1;

export function windowSpan(w: TimeWindow): number {
  return w.endMs - w.startMs;
}

/**
 * The extent as a window with at least `minSpanMs`: an incident of one event (or of events at the
 * same instant) gets a minimum-span window centred on it. Null for an empty incident.
 */
export function paddedExtent(
  extent: TimeWindow | null,
  minSpanMs: number = MIN_SPAN_MS,
): TimeWindow | null {
  if (extent === null || !Number.isFinite(extent.startMs) || !Number.isFinite(extent.endMs)) return null;
  const lo = Math.min(extent.startMs, extent.endMs);
  const hi = Math.max(extent.startMs, extent.endMs);
  if (hi - lo >= minSpanMs) return { startMs: lo, endMs: hi };
  const mid = (lo + hi) / 2;
  return { startMs: mid - minSpanMs / 2, endMs: mid + minSpanMs / 2 };
}

/**
 * Clamps a window into the extent: the span is kept (at least minSpanMs, at most the extent's)
 * and the window slides back inside, so panning past an edge stops at the edge instead of
 * shrinking. A window entirely outside the extent lands at the nearest edge.
 */
export function clampWindow(w: TimeWindow, extent: TimeWindow, minSpanMs: number = MIN_SPAN_MS): TimeWindow {
  const ext = paddedExtent(extent, minSpanMs) ?? { startMs: 0, endMs: minSpanMs };
  const extSpan = windowSpan(ext);
  let start = Math.min(w.startMs, w.endMs);
  let end = Math.max(w.startMs, w.endMs);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return { ...ext };
  let span = end - start;
  if (span < minSpanMs) {
    const mid = (start + end) / 2;
    span = minSpanMs;
    start = mid - span / 2;
    end = mid + span / 2;
  }
  if (span >= extSpan) return { ...ext };
  if (start < ext.startMs) {
    start = ext.startMs;
    end = start + span;
  } else if (end > ext.endMs) {
    end = ext.endMs;
    start = end - span;
  }
  return { startMs: start, endMs: end };
}

/**
 * Zooms around `focusMs` (the time under the mouse, or the window's centre for the keyboard):
 * `factor` > 1 zooms in (the span is divided by it), < 1 zooms out. The focus keeps its place on
 * screen. A non-positive or non-finite factor leaves the window as it is (clamped).
 */
export function zoomWindow(
  w: TimeWindow,
  focusMs: number,
  factor: number,
  extent: TimeWindow,
  minSpanMs: number = MIN_SPAN_MS,
): TimeWindow {
  if (!(factor > 0) || !Number.isFinite(factor)) return clampWindow(w, extent, minSpanMs);
  const span = windowSpan(w);
  const focus = Number.isFinite(focusMs) ? Math.min(Math.max(focusMs, w.startMs), w.endMs) : (w.startMs + w.endMs) / 2;
  const fraction = span > 0 ? (focus - w.startMs) / span : 0.5;
  const newSpan = Math.max(span / factor, minSpanMs);
  const start = focus - fraction * newSpan;
  return clampWindow({ startMs: start, endMs: start + newSpan }, extent, minSpanMs);
}

/** Pans by `deltaMs` (positive moves later in time), stopping at the extent's edges. */
export function panWindowMs(w: TimeWindow, deltaMs: number, extent: TimeWindow, minSpanMs: number = MIN_SPAN_MS): TimeWindow {
  const d = Number.isFinite(deltaMs) ? deltaMs : 0;
  return clampWindow({ startMs: w.startMs + d, endMs: w.endMs + d }, extent, minSpanMs);
}

/** Pans by a fraction of the window's span (0.25 = a quarter screen later; the arrow keys). */
export function panWindowFraction(
  w: TimeWindow,
  fraction: number,
  extent: TimeWindow,
  minSpanMs: number = MIN_SPAN_MS,
): TimeWindow {
  return panWindowMs(w, fraction * windowSpan(w), extent, minSpanMs);
}

/**
 * A brushed selection (two times, in either order) as a window: cut to the extent (a brush
 * dragged past an edge selects up to the edge), then at least minSpanMs.
 */
export function brushWindow(aMs: number, bMs: number, extent: TimeWindow, minSpanMs: number = MIN_SPAN_MS): TimeWindow {
  const ext = paddedExtent(extent, minSpanMs) ?? { startMs: 0, endMs: minSpanMs };
  const lo = Math.min(Math.max(Math.min(aMs, bMs), ext.startMs), ext.endMs);
  const hi = Math.max(Math.min(Math.max(aMs, bMs), ext.endMs), ext.startMs);
  return clampWindow({ startMs: lo, endMs: hi }, ext, minSpanMs);
}

/** Jaeger-style view bounds: the window as [0, 1] fractions of the extent. */
export function toViewBounds(w: TimeWindow, extent: TimeWindow): [number, number] {
  const ext = paddedExtent(extent) ?? { startMs: 0, endMs: MIN_SPAN_MS };
  const span = windowSpan(ext);
  const f = (t: number) => Math.min(Math.max((t - ext.startMs) / span, 0), 1);
  return [f(w.startMs), f(w.endMs)];
}

/** The window for Jaeger-style view bounds (fractions are clamped to [0, 1] and ordered). */
export function fromViewBounds(bounds: readonly [number, number], extent: TimeWindow, minSpanMs: number = MIN_SPAN_MS): TimeWindow {
  const ext = paddedExtent(extent, minSpanMs) ?? { startMs: 0, endMs: minSpanMs };
  const span = windowSpan(ext);
  const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0);
  const a = clamp01(bounds[0]);
  const b = Number.isFinite(bounds[1]) ? clamp01(bounds[1]) : 1;
  return clampWindow(
    { startMs: ext.startMs + Math.min(a, b) * span, endMs: ext.startMs + Math.max(a, b) * span },
    ext,
    minSpanMs,
  );
}
