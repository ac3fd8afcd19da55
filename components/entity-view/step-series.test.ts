import { describe, expect, it } from 'vitest';
import { isNumericField, stepSeries, valueCategories } from './step-series';
import type { StateValue } from './value-format';

type Cell = { held: boolean; value: StateValue; observed: boolean; disagrees: boolean };

/** A row observed by `witness`; `disagrees` lists the witnesses whose cells disagree at it. */
function row(at: number, eventId: number, witness: number, value: StateValue, disagrees: number[] = [], witnesses = 2) {
  const cells: Cell[] = Array.from({ length: witnesses }, (_, w) => ({ held: true, value: null, observed: w === witness, disagrees: disagrees.includes(w) }));
  return { at, eventId, witness, value, cells };
}

describe('stepSeries', () => {
  it('turns observations into held-value segments, the last one extended to the end', () => {
    const rows = [row(10, 1, 0, 'pending'), row(20, 2, 1, 'pending'), row(30, 3, 0, 'paid'), row(40, 4, 1, 'paid')];
    const [owner, cache] = stepSeries(rows, 2, 100);
    expect(owner!.segments).toEqual([
      { start: 10, end: 30, value: 'pending', eventIds: [1] },
      { start: 30, end: 100, value: 'paid', eventIds: [3] },
    ]);
    expect(cache!.segments).toEqual([
      { start: 20, end: 40, value: 'pending', eventIds: [2] },
      { start: 40, end: 100, value: 'paid', eventIds: [4] },
    ]);
  });

  it('merges repeated observations of the same value', () => {
    const [w] = stepSeries([row(10, 1, 0, 3), row(20, 2, 0, 3), row(30, 3, 0, 4)], 1, 50);
    expect(w!.segments.map((s) => [s.start, s.end, s.value, s.eventIds])).toEqual([
      [10, 30, 3, [1, 2]],
      [30, 50, 4, [3]],
    ]);
  });

  it('keeps null as a value of its own, not a gap', () => {
    const [w] = stepSeries([row(10, 1, 0, 'x'), row(20, 2, 0, null)], 1, 30);
    expect(w!.segments.map((s) => s.value)).toEqual(['x', null]);
  });

  it('gives a witness nothing before its first observation', () => {
    const [, late] = stepSeries([row(10, 1, 0, 'a'), row(50, 2, 1, 'a')], 2, 60);
    expect(late!.segments).toEqual([{ start: 50, end: 60, value: 'a', eventIds: [2] }]);
  });

  it('spans disagreements from the row they start at to the row they end at, open ones to the end', () => {
    const rows = [row(10, 1, 0, 'a'), row(20, 2, 1, 'b', [1]), row(30, 3, 0, 'c', [1]), row(40, 4, 1, 'c'), row(50, 5, 1, 'd', [1])];
    const [owner, other] = stepSeries(rows, 2, 90);
    expect(owner!.disagree).toEqual([]);
    expect(other!.disagree).toEqual([
      { start: 20, end: 40 },
      { start: 50, end: 90 },
    ]);
  });

  it('drops a disagreement that begins and ends at one instant', () => {
    const [, other] = stepSeries([row(10, 1, 1, 'b', [1]), row(10, 2, 0, 'b')], 2, 20);
    expect(other!.disagree).toEqual([]);
  });
});

describe('isNumericField', () => {
  it('is numeric only when every non-null value is a number', () => {
    expect(isNumericField([{ value: 1 }, { value: null }, { value: 2.5 }])).toBe(true);
    expect(isNumericField([{ value: 1 }, { value: '2' }])).toBe(false);
    expect(isNumericField([{ value: null }])).toBe(false);
    expect(isNumericField([])).toBe(false);
  });
});

describe('valueCategories', () => {
  it('numbers distinct values in order of first observation', () => {
    const categories = valueCategories([{ value: 'paid' }, { value: 'pending' }, { value: 'paid' }, { value: null }, { value: 'null' }]);
    expect([...categories.values()]).toEqual([0, 1, 2, 3]);
    expect(categories.size).toBe(4);
  });
});
