import { describe, expect, it } from 'vitest';
import { countKinds, describeRef, formatAtUtc, formatOffsetMs, formatOffsetRange } from './finding-format';

describe('finding format', () => {
  it('shows times in UTC with milliseconds', () => {
    expect(formatAtUtc('2026-11-20T10:02:03.830Z')).toBe('2026-11-20 10:02:03.830 UTC');
    expect(formatAtUtc('not a date')).toBe('not a date');
  });

  it('names an event by its source and locator', () => {
    expect(describeRef({ source: 'a.log', line: 49 })).toBe('a.log line 49');
    expect(describeRef({ source: 'b.har', index: 3 })).toBe('b.har #3');
    expect(describeRef({ source: 'c.json', spanId: 'ab12' })).toBe('c.json span ab12');
  });

  it('counts kinds in the given order and leaves out zeros', () => {
    const items = [{ kind: 'b' }, { kind: 'a' }, { kind: 'b' }] as const;
    expect(countKinds(items, ['a', 'b', 'c'])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('formats offsets with their sign and range', () => {
    expect(formatOffsetMs(1200)).toBe('+1,200 ms');
    expect(formatOffsetMs(-3)).toBe('−3 ms');
    expect(formatOffsetMs(0.01)).toBe('0 ms');
    expect(formatOffsetRange([-8, 6])).toBe('−8 … 6 ms');
    expect(formatOffsetRange(null)).toBe('no range');
  });
});
