import { describe, expect, it } from 'vitest';
import { RecentMap } from './recent-map';

describe('RecentMap', () => {
  it('keeps the most recently used entries, a read counting as a use', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('finds the newest matching entry without counting that as a use', () => {
    const map = new RecentMap<string, number>(2);
    map.set('x:1', 1);
    map.set('x:2', 2);
    expect(map.newest((key) => key.startsWith('x:'))).toBe(2);
    expect(map.get('x:1')).toBe(1);
    expect(map.newest((key) => key.startsWith('x:'))).toBe(1);
    expect(map.newest((key) => key.startsWith('y:'))).toBeUndefined();
    map.set('y:1', 3);
    // 'x:2' was the least recently used: newest() did not touch it.
    expect(map.get('x:2')).toBeUndefined();
  });
});
