import { describe, expect, it } from 'vitest';
import { TextCache } from './text-cache';

describe('TextCache', () => {
  it('computes a short text once, a long one every time, and stops adding at its limit', () => {
    const seen: string[] = [];
    const cache = new TextCache((text) => {
      seen.push(text);
      return text.length > 3 ? null : text.toUpperCase();
    }, 2, 5);
    for (let round = 0; round < 2; round++) {
      expect(cache.get('abcdefgh')).toBeNull();
      expect(cache.get('ab')).toBe('AB');
      expect(cache.get('abcd')).toBeNull();
      expect(cache.get('xy')).toBe('XY');
    }
    // 'abcdefgh' is too long to keep; 'ab' and 'abcd' (null kept too) fill it; 'xy' comes after.
    expect(seen).toEqual(['abcdefgh', 'ab', 'abcd', 'xy', 'abcdefgh', 'xy']);
  });
});
