import { describe, expect, it } from 'vitest';
import { overviewHistogram } from './overview-histogram';

const base = { fingerprint: 'f', time: 'aligned' as const, from: 0, to: 100, visible: 0 };

describe('overviewHistogram', () => {
  it('sums binned lanes per column with the worst level', () => {
    const h = overviewHistogram({ ...base, events: null, bins: { columns: 3, lanes: 2, counts: [1, 0, 2, 4, 0, 1], maxLevel: [3, 0, 5, 4, 0, 3] } }, 3);
    expect([...h.counts]).toEqual([5, 0, 3]);
    expect([...h.maxLevel]).toEqual([4, 0, 5]);
    expect(h.max).toBe(5);
  });

  it('bins events sent one by one, intervals in every column they cover', () => {
    const h = overviewHistogram(
      { ...base, events: { id: [1, 2, 3], lane: [0, 0, 1], start: [0, 30, 100], end: [null, 60, null], level: [3, 6, 3], label: ['', '', ''] }, bins: null },
      4,
    );
    expect([...h.counts]).toEqual([1, 1, 1, 1]);
    expect([...h.maxLevel]).toEqual([3, 6, 6, 3]);
  });
});
