import { describe, expect, it } from 'vitest';
import { sortedCopy } from './sort-float64';

describe('sortedCopy', () => {
  it('sorts like the native sort, negatives, fractions, huge and tiny values included', () => {
    let s = 12345;
    const next = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296);
    const n = 20_000;
    const values = new Float64Array(n + 3);
    for (let i = 0; i < n; i++) {
      const r = next();
      values[i] = r < 0.3 ? (next() - 0.5) * 1e13 : r < 0.6 ? 4000 + (next() - 0.5) * 50 : r < 0.8 ? -next() * 1e-3 : Math.round(next() * 100);
    }
    values[n] = Number.MAX_VALUE;
    values[n + 1] = -Number.MAX_VALUE;
    values[n + 2] = 0;
    const expected = values.slice().sort();
    expect(Array.from(sortedCopy(values, values.length))).toEqual(Array.from(expected));
    // only the first n values, and the input is left alone
    const before = values.slice();
    expect(Array.from(sortedCopy(values, 10))).toEqual(Array.from(values.slice(0, 10).sort()));
    expect(values).toEqual(before);
  });

  it('clustered values (every high digit equal) still sort', () => {
    const n = 10_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = 1000 + ((i * 7919) % n) / 16;
    expect(Array.from(sortedCopy(values, n))).toEqual(Array.from(values.slice().sort()));
  });
});
