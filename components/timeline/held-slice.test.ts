import { describe, expect, it } from 'vitest';
import type { TimelineSliceDto } from '@/lib/schemas/investigation';
import { countInView, holdSlice } from './held-slice';

const base = { fingerprint: 'f', time: 'aligned' as const, from: 0, to: 100, visible: 3 };

describe('holdSlice', () => {
  it('holds events as typed columns, points as NaN ends, intervals packed into rows', () => {
    const dto: TimelineSliceDto = {
      ...base,
      events: { id: [7, 8, 9], lane: [0, 0, 1], start: [10, 12, 50], end: [30, 20, null], level: [3, 5, 0], label: ['a', 'b', 'c'] },
      bins: null,
    };
    const held = holdSlice(dto, 300, 2);
    const ev = held.events!;
    expect(ev.length).toBe(3);
    expect([...ev.id]).toEqual([7, 8, 9]);
    expect(Number.isNaN(ev.end[2]!)).toBe(true);
    expect([...ev.row]).toEqual([0, 1, -1]);
    expect([...ev.rowsPerLane]).toEqual([2, 1]);
    expect(held.columns).toBe(300);
    expect(held.bins).toBeNull();
  });

  it('holds bins with each lane maximum', () => {
    const dto: TimelineSliceDto = { ...base, visible: 20_000, events: null, bins: { columns: 3, lanes: 2, counts: [1, 0, 5, 2, 9, 0], maxLevel: [3, 0, 5, 3, 4, 0] } };
    const held = holdSlice(dto, 3, 2);
    expect([...held.bins!.laneMax]).toEqual([5, 9]);
    expect(held.bins!.maxLevel[2]).toBe(5);
  });
});

describe('countInView', () => {
  it('counts held events overlapping the view, shifted per lane', () => {
    const dto: TimelineSliceDto = {
      ...base,
      events: { id: [1, 2, 3], lane: [0, 1, 1], start: [10, 40, 90], end: [null, 60, null], level: [3, 3, 3], label: ['', '', ''] },
      bins: null,
    };
    const held = holdSlice(dto, 100, 2);
    expect(countInView(held, 0, 50, new Float64Array([0, 0]))).toBe(2);
    expect(countInView(held, 55, 100, new Float64Array([0, 0]))).toBe(2);
    // Lane 1 moved 100 ms later: only lane 0's point stays in [0, 50].
    expect(countInView(held, 0, 50, new Float64Array([0, 100]))).toBe(1);
  });

  it('shares the slice total among the bins in view', () => {
    const dto: TimelineSliceDto = { ...base, visible: 10, events: null, bins: { columns: 4, lanes: 1, counts: [1, 2, 3, 4], maxLevel: [3, 3, 3, 3] } };
    const held = holdSlice(dto, 4, 1);
    expect(countInView(held, 0, 100, new Float64Array([0]))).toBe(10);
    expect(countInView(held, 50, 99, new Float64Array([0]))).toBe(7);
  });

  it('does not count an interval once per column it covers', () => {
    // One 100 ms span over all four columns: the counts add up to 4, but it is one event.
    const dto: TimelineSliceDto = { ...base, visible: 1, events: null, bins: { columns: 4, lanes: 1, counts: [1, 1, 1, 1], maxLevel: [3, 3, 3, 3] } };
    expect(countInView(holdSlice(dto, 4, 1), 0, 100, new Float64Array([0]))).toBe(1);
  });
});
