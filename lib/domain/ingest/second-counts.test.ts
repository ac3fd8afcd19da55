import { describe, expect, it } from 'vitest';
import { SecondCounts } from './second-counts';

describe('SecondCounts', () => {
  it('counts events per second (floor of ts / 1000), errors apart, skipping events without time', () => {
    const counts = new SecondCounts();
    counts.add(1_000, 'info');
    counts.add(1_999.5, 'error');
    counts.add(2_000, 'fatal');
    counts.add(null, 'error');
    counts.add(-1, 'warn');
    expect(counts.take()).toEqual([1, 2, 1, 2, 1, 1, -1, 1, 0]);
    expect(counts.size).toBe(0);
    expect(counts.take()).toEqual([]);
  });

  it('merges flat counts of other batches into the same seconds', () => {
    const counts = new SecondCounts();
    counts.add(5_500, null);
    counts.addFlat([5, 3, 1, 6, 1, 0]);
    expect(counts.take()).toEqual([5, 4, 1, 6, 1, 0]);
  });
});
