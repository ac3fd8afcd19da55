import { describe, expect, it } from 'vitest';
import { laneAtY, laneBand, laneInner, laneLayout, MIN_ROW_HEIGHT_PX, rowAtY, rowBand } from './lane-layout';

describe('laneLayout', () => {
  const layout = laneLayout(3, { axisHeight: 20, laneHeight: 40, padding: 4 });

  it('stacks the axis and the lanes', () => {
    expect(layout.height).toBe(140);
    expect(laneBand(layout, 0)).toEqual({ top: 20, height: 40 });
    expect(laneBand(layout, 2)).toEqual({ top: 100, height: 40 });
    expect(laneInner(layout, 1)).toEqual({ top: 64, height: 32 });
  });

  it('finds the lane under a y, none on the axis or below', () => {
    expect(laneAtY(layout, 5)).toBe(-1);
    expect(laneAtY(layout, 20)).toBe(0);
    expect(laneAtY(layout, 59.9)).toBe(0);
    expect(laneAtY(layout, 60)).toBe(1);
    expect(laneAtY(layout, 139)).toBe(2);
    expect(laneAtY(layout, 140)).toBe(-1);
    expect(laneAtY(layout, Number.NaN)).toBe(-1);
  });

  it('treats a negative lane count as none', () => {
    expect(laneLayout(-2).laneCount).toBe(0);
  });
});

describe('rowBand', () => {
  const layout = laneLayout(1, { axisHeight: 0, laneHeight: 40, padding: 4 });

  it('splits the lane inside between packed rows', () => {
    const a = rowBand(layout, 0, 0, 2);
    const b = rowBand(layout, 0, 1, 2);
    expect(a.top).toBe(4);
    expect(b.top).toBe(20);
    expect(a.height).toBe(15); // one pixel gap between rows
    expect(rowAtY(layout, 0, 2, 10)).toBe(0);
    expect(rowAtY(layout, 0, 2, 30)).toBe(1);
  });

  it('wraps rows that would be thinner than the minimum', () => {
    const fit = Math.floor(32 / MIN_ROW_HEIGHT_PX);
    const first = rowBand(layout, 0, 0, 1000);
    const wrapped = rowBand(layout, 0, fit, 1000);
    expect(wrapped.top).toBe(first.top);
    expect(first.height).toBeGreaterThanOrEqual(MIN_ROW_HEIGHT_PX - 1);
  });

  it('clamps rowAtY to the lane', () => {
    expect(rowAtY(layout, 0, 3, -50)).toBe(0);
    expect(rowAtY(layout, 0, 3, 500)).toBe(2);
  });
});
