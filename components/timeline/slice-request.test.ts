import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, PAD_FACTOR, sameRequest, sliceRequest, sliceServes } from './slice-request';

const extent = { startMs: 0, endMs: 100_000 };

describe('sliceRequest', () => {
  it('pads the view to three spans, one column per pixel at the current zoom', () => {
    const req = sliceRequest({ startMs: 40_000, endMs: 50_000 }, extent, 1000, 'aligned');
    expect(req).toEqual({ time: 'aligned', from: 30_000, to: 60_000, columns: 1000 * PAD_FACTOR });
  });

  it('keeps the padded window inside the extent', () => {
    const req = sliceRequest({ startMs: 0, endMs: 10_000 }, extent, 500, 'raw');
    expect(req.from).toBe(0);
    expect(req.to).toBe(30_000);
    expect(req.columns).toBe(1500);
    const whole = sliceRequest(extent, extent, 800, 'raw');
    expect([whole.from, whole.to, whole.columns]).toEqual([0, 100_000, 800]);
  });

  it('never asks for more columns than the API allows', () => {
    expect(sliceRequest({ startMs: 0, endMs: 10 }, extent, 4000, 'aligned').columns).toBeLessThanOrEqual(MAX_COLUMNS);
  });
});

describe('sliceServes', () => {
  const held = { time: 'aligned' as const, from: 30_000, to: 60_000, columns: 3000, binned: true };

  it('serves a view it covers at about a pixel per column', () => {
    expect(sliceServes(held, { startMs: 40_000, endMs: 50_000 }, extent, 1000, 'aligned')).toBe(true);
    expect(sliceServes(held, { startMs: 35_000, endMs: 45_000 }, extent, 1000, 'aligned')).toBe(true);
  });

  it('does not serve another mode or a view past its edges', () => {
    expect(sliceServes(held, { startMs: 40_000, endMs: 50_000 }, extent, 1000, 'raw')).toBe(false);
    expect(sliceServes(held, { startMs: 55_000, endMs: 65_000 }, extent, 1000, 'aligned')).toBe(false);
  });

  it('refetches bins after zooming far enough either way', () => {
    expect(sliceServes(held, { startMs: 44_000, endMs: 46_000 }, extent, 1000, 'aligned')).toBe(false);
    expect(sliceServes(held, { startMs: 30_000, endMs: 60_000 }, extent, 1000, 'aligned')).toBe(false);
    expect(sliceServes(held, { startMs: 42_500, endMs: 47_500 }, extent, 1000, 'aligned')).toBe(true);
  });

  it('serves any zoom inside an events slice: they are all there', () => {
    expect(sliceServes({ ...held, binned: false }, { startMs: 44_000, endMs: 44_001 }, extent, 1000, 'aligned')).toBe(true);
  });

  it('only needs to cover the view as far as the extent goes', () => {
    const edge = { time: 'aligned' as const, from: 0, to: 100_000, columns: 800, binned: true };
    expect(sliceServes(edge, { startMs: -5_000, endMs: 105_000 }, extent, 880, 'aligned')).toBe(true);
  });

  it('compares requests by value', () => {
    const a = sliceRequest(extent, extent, 800, 'raw');
    expect(sameRequest(a, { ...a })).toBe(true);
    expect(sameRequest(a, { ...a, columns: 801 })).toBe(false);
    expect(sameRequest(null, a)).toBe(false);
  });
});
