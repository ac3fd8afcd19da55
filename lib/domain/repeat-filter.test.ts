import { describe, expect, it } from 'vitest';
import { RepeatFilter } from './repeat-filter';
import { hashOf } from './string-index';

describe('RepeatFilter', () => {
  it('reports every string added twice or more, and few of those added once', () => {
    const singles = Array.from({ length: 20_000 }, (_, i) => `trace-${i.toString(16).padStart(32, '0')}`);
    const repeated = Array.from({ length: 2_000 }, (_, i) => `req-${i}`);
    const filter = new RepeatFilter(singles.length + 3 * repeated.length);
    for (const value of singles) filter.add(hashOf(value));
    // Each repeated value three times, the occurrences apart from each other.
    for (let round = 0; round < 3; round++) for (const value of repeated) filter.add(hashOf(value));
    expect(repeated.every((value) => filter.mayRepeat(hashOf(value)))).toBe(true);
    const taken = singles.filter((value) => filter.mayRepeat(hashOf(value))).length;
    // 22,000 distinct strings in 256K bits (8 per expected string, rounded up to a power of two): about 8% share a bit.
    expect(taken).toBeLessThan(singles.length * 0.15);
    // A bit per repeated string at most, and one per single string taken for a repeat at most.
    expect(filter.repeatedBits).toBeGreaterThan(repeated.length / 2);
    expect(filter.repeatedBits).toBeLessThanOrEqual(repeated.length + taken);
  });

  it('is empty before anything is added', () => {
    const filter = new RepeatFilter(0);
    expect(filter.mayRepeat(hashOf('a'))).toBe(false);
    filter.add(hashOf('a'));
    expect(filter.mayRepeat(hashOf('a'))).toBe(false);
    filter.add(hashOf('a'));
    expect(filter.mayRepeat(hashOf('a'))).toBe(true);
  });
});
