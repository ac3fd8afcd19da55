import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { SpanKeySet } from './span-key-set';

function hex(random: () => number, digits: number): string {
  let s = '';
  while (s.length < digits) s += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, digits);
}

describe('SpanKeySet', () => {
  it('answers exactly like a Set of `${traceId}/${spanId}` strings, through many growths', () => {
    const random = mulberry32(3);
    const set = new SpanKeySet();
    const reference = new Set<string>();
    const pairs: [string | null, string][] = [];
    const wrong: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const r = random();
      // Repeats of earlier pairs, the same span id in another trace, and fresh pairs.
      let pair: [string | null, string];
      if (r < 0.1 && pairs.length > 0) pair = pairs[Math.floor(random() * pairs.length)]!;
      else if (r < 0.15 && pairs.length > 0) pair = [hex(random, 32), pairs[Math.floor(random() * pairs.length)]![1]];
      else if (r < 0.2) pair = [null, hex(random, 16)];
      else pair = [hex(random, 32), hex(random, 16)];
      pairs.push(pair);
      const key = `${pair[0] ?? ''}/${pair[1]}`;
      if (set.add(pair[0], pair[1]) !== !reference.has(key)) wrong.push(key);
      reference.add(key);
    }
    expect(wrong).toEqual([]);
    expect(reference.size).toBeLessThan(pairs.length); // repeats were tried
    expect(set.size).toBe(reference.size);
  });

  it('keeps ids that are not 32 + 16 lower-case hex digits apart, as strings', () => {
    const set = new SpanKeySet();
    const trace = 'a'.repeat(32);
    expect(set.add(trace, '00000000000000ff')).toBe(true);
    expect(set.add(trace, '00000000000000FF')).toBe(true); // not normalized: another id
    expect(set.add('abc', '00000000000000ff')).toBe(true); // a short trace id
    expect(set.add('abc', '00000000000000ff')).toBe(false);
    expect(set.add(trace, 'span-1')).toBe(true); // not hex
    expect(set.add(trace, 'span-1')).toBe(false);
    expect(set.add(null, '00000000000000ff')).toBe(true); // no trace is not trace 000...0
    expect(set.add(trace, '00000000000000ff')).toBe(false);
    expect(set.size).toBe(5);
  });
});
