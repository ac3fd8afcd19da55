import { describe, expect, it } from 'vitest';
import { binSeconds } from './second-bins';

describe('binSeconds', () => {
  it('spreads seconds over equal columns from the first second to the end of the last', () => {
    const bins = binSeconds(
      [
        { second: 103, count: 4, errors: 1 },
        { second: 100, count: 2, errors: 0 },
        { second: 101, count: 1, errors: 1 },
      ],
      2,
    );
    expect(bins).toEqual({ from: 100_000, to: 104_000, counts: [3, 4], errors: [1, 1], total: 7 });
  });

  it('makes no column narrower than a second', () => {
    const bins = binSeconds(
      [
        { second: 5, count: 3, errors: 0 },
        { second: 7, count: 1, errors: 1 },
      ],
      240,
    );
    expect(bins.counts).toEqual([3, 0, 1]);
    expect(bins.errors).toEqual([0, 0, 1]);
    expect([bins.from, bins.to]).toEqual([5000, 8000]);
  });

  it('is empty without counts', () => {
    expect(binSeconds([], 10)).toEqual({ from: null, to: null, counts: [], errors: [], total: 0 });
  });
});
