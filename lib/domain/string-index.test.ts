import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { StringIndex } from './string-index';

describe('StringIndex', () => {
  it('numbers strings in the order they are first added', () => {
    const index = new StringIndex();
    expect(index.add('b')).toBe(0);
    expect(index.add('a')).toBe(1);
    expect(index.add('b')).toBe(0);
    expect(index.add('')).toBe(2);
    expect(index.values).toEqual(['b', 'a', '']);
    expect(index.size).toBe(3);
    expect(index.indexOf('a')).toBe(1);
    expect(index.indexOf('c')).toBe(-1);
  });

  it('tells apart strings that differ only in case, accents or surrogate pairs', () => {
    const index = new StringIndex();
    const values = ['Req-1', 'req-1', 'café', 'cafe\u0301', '😀', '\ud83d', '\ude00'];
    values.forEach((v) => index.add(v));
    expect(values.map((v) => index.indexOf(v))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps apart strings whose hashes collide', () => {
    // Known FNV-1a 32-bit collisions.
    const index = new StringIndex();
    expect(index.add('costarring')).toBe(0);
    expect(index.add('liquid')).toBe(1);
    expect(index.add('altarage')).toBe(2);
    expect(index.indexOf('zinke')).toBe(-1);
    expect(index.indexOf('liquid')).toBe(1);
  });

  it('answers as a Map would while it grows far past its first size', () => {
    const random = mulberry32(5);
    const index = new StringIndex(4);
    const map = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      // Short values repeat often, so both new and known strings are looked up all along.
      const value = random() < 0.5 ? `req-${Math.floor(random() * 3000)}` : Math.floor(random() * 2 ** 52).toString(16);
      let expected = map.get(value);
      if (expected === undefined) map.set(value, (expected = map.size));
      expect(index.add(value)).toBe(expected);
    }
    expect(index.size).toBe(map.size);
    for (const [value, expected] of map) expect(index.indexOf(value)).toBe(expected);
    expect(index.indexOf('never added')).toBe(-1);
  });
});
