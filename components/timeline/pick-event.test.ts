import { describe, expect, it } from 'vitest';
import type { TimelineSliceDto } from '@/lib/schemas/investigation';
import { holdSlice } from './held-slice';
import { laneLayout } from './lane-layout';
import { pickBin, pickEvent } from './pick-event';

// Axis 0, lanes 40 px: lane 0 is y 0-40, lane 1 is y 40-80. One pixel per ms from t = 0.
const layout = laneLayout(2, { axisHeight: 0, laneHeight: 40, padding: 4 });
const scale = { startMs: 0, pxPerMs: 1 };
const none = new Float64Array([0, 0]);

function slice(events: NonNullable<TimelineSliceDto['events']>) {
  return holdSlice({ fingerprint: 'f', time: 'aligned', from: 0, to: 1000, visible: events.id.length, events, bins: null }, 1000, 2).events!;
}

describe('pickEvent', () => {
  const ev = slice({
    id: [1, 2, 3, 4],
    lane: [0, 0, 1, 1],
    start: [100, 104, 200, 400],
    end: [null, null, 300, null],
    level: [3, 5, 3, 3],
    label: ['', '', '', ''],
  });

  it('takes the nearest mark on the lane under the pointer', () => {
    expect(pickEvent(ev, layout, scale, none, 99, 20)).toBe(0);
    expect(pickEvent(ev, layout, scale, none, 105, 20)).toBe(1);
    expect(pickEvent(ev, layout, scale, none, 399, 60)).toBe(3);
  });

  it('prefers the more severe mark on a tie', () => {
    expect(pickEvent(ev, layout, scale, none, 102, 20)).toBe(1);
  });

  it('takes an interval anywhere along it', () => {
    expect(pickEvent(ev, layout, scale, none, 250, 60)).toBe(2);
  });

  it('misses beyond the tolerance, on another lane and on the axis', () => {
    expect(pickEvent(ev, layout, scale, none, 150, 20)).toBe(-1);
    expect(pickEvent(ev, layout, scale, none, 100, 60)).toBe(-1);
    expect(pickEvent(ev, laneLayout(2, { axisHeight: 20 }), scale, none, 100, 5)).toBe(-1);
  });

  it('applies the lane shift the drawing used', () => {
    expect(pickEvent(ev, layout, scale, new Float64Array([50, 0]), 150, 20)).toBe(0);
  });
});

describe('pickBin', () => {
  const held = holdSlice(
    { fingerprint: 'f', time: 'aligned', from: 0, to: 100, visible: 20_000, events: null, bins: { columns: 10, lanes: 2, counts: [0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7], maxLevel: [0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4] } },
    10,
    2,
  );
  const bins = held.bins!;
  const s = { startMs: 0, pxPerMs: 10 }; // a column is 10 ms = 100 px

  it('finds the bin under the pointer with its range', () => {
    expect(pickBin(bins, held, layout, s, none, 150, 20)).toEqual({ lane: 0, column: 1, count: 3, maxLevel: 5, fromMs: 10, toMs: 20 });
    expect(pickBin(bins, held, layout, s, none, 950, 60)?.count).toBe(7);
  });

  it('misses empty columns and other lanes', () => {
    expect(pickBin(bins, held, layout, s, none, 450, 20)).toBeNull();
    expect(pickBin(bins, held, layout, s, none, 150, 60)).toBeNull();
  });

  it('reaches a neighbouring column when columns are thinner than the tolerance', () => {
    const fine = { startMs: 0, pxPerMs: 0.1 }; // a column is 1 px
    expect(pickBin(bins, held, layout, fine, none, 2.5, 20)?.column).toBe(1);
  });
});
