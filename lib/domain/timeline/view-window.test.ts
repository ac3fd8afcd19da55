import { describe, expect, it } from 'vitest';
import {
  brushWindow,
  clampWindow,
  fromViewBounds,
  panWindowFraction,
  panWindowMs,
  paddedExtent,
  toViewBounds,
  zoomWindow,
} from './view-window';

const ext = { startMs: 1000, endMs: 2000 };

describe('view window', () => {
  it('pads an empty or single-instant extent', () => {
    expect(paddedExtent(null)).toBeNull();
    expect(paddedExtent({ startMs: 5, endMs: 5 })).toEqual({ startMs: 4.5, endMs: 5.5 });
    expect(paddedExtent(ext)).toEqual(ext);
  });

  it('zooms in around the focus, keeping its place on screen', () => {
    const w = zoomWindow(ext, 1250, 2, ext);
    expect(w).toEqual({ startMs: 1125, endMs: 1625 });
    // 1250 was a quarter in; it still is.
    expect((1250 - w.startMs) / (w.endMs - w.startMs)).toBeCloseTo(0.25);
  });

  it('zooming out stops at the extent, and zooming in stops at the minimum span', () => {
    expect(zoomWindow({ startMs: 1400, endMs: 1600 }, 1500, 0.01, ext)).toEqual(ext);
    const tiny = zoomWindow(ext, 1500, 1e9, ext);
    expect(tiny.endMs - tiny.startMs).toBe(1);
    expect(tiny.startMs).toBeCloseTo(1499.5);
  });

  it('ignores a bad zoom factor', () => {
    const w = { startMs: 1200, endMs: 1300 };
    expect(zoomWindow(w, 1250, 0, ext)).toEqual(w);
    expect(zoomWindow(w, 1250, Number.NaN, ext)).toEqual(w);
  });

  it('pans by ms or by a fraction, stopping at the edges without shrinking', () => {
    const w = { startMs: 1200, endMs: 1400 };
    expect(panWindowMs(w, 100, ext)).toEqual({ startMs: 1300, endMs: 1500 });
    expect(panWindowFraction(w, 0.5, ext)).toEqual({ startMs: 1300, endMs: 1500 });
    expect(panWindowMs(w, 10_000, ext)).toEqual({ startMs: 1800, endMs: 2000 });
    expect(panWindowFraction(w, -10, ext)).toEqual({ startMs: 1000, endMs: 1200 });
  });

  it('a window outside the extent lands at the nearest edge', () => {
    expect(clampWindow({ startMs: 5000, endMs: 5100 }, ext)).toEqual({ startMs: 1900, endMs: 2000 });
    expect(clampWindow({ startMs: -500, endMs: -400 }, ext)).toEqual({ startMs: 1000, endMs: 1100 });
    expect(clampWindow({ startMs: Number.NaN, endMs: 3 }, ext)).toEqual(ext);
  });

  it('brushes in either direction, with at least the minimum span', () => {
    expect(brushWindow(1700, 1300, ext)).toEqual({ startMs: 1300, endMs: 1700 });
    expect(brushWindow(1500, 1500, ext)).toEqual({ startMs: 1499.5, endMs: 1500.5 });
    expect(brushWindow(500, 1500, ext)).toEqual({ startMs: 1000, endMs: 1500 });
  });

  it('converts to and from Jaeger [0, 1] view bounds', () => {
    const w = { startMs: 1250, endMs: 1500 };
    expect(toViewBounds(w, ext)).toEqual([0.25, 0.5]);
    expect(fromViewBounds([0.25, 0.5], ext)).toEqual(w);
    expect(fromViewBounds([0.5, 0.25], ext)).toEqual(w);
    expect(fromViewBounds([-1, 2], ext)).toEqual(ext);
    expect(toViewBounds({ startMs: 0, endMs: 9999 }, ext)).toEqual([0, 1]);
  });

  it('a single-event incident has a one-millisecond window around the event', () => {
    const one = { startMs: 42, endMs: 42 };
    expect(fromViewBounds([0, 1], one)).toEqual({ startMs: 41.5, endMs: 42.5 });
    expect(zoomWindow({ startMs: 41.5, endMs: 42.5 }, 42, 0.5, one)).toEqual({ startMs: 41.5, endMs: 42.5 });
  });
});
