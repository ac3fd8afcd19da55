import { describe, expect, it } from 'vitest';
import { expiryHours } from './share-expiry';

describe('expiryHours', () => {
  it('is null when blank, hours otherwise', () => {
    expect(expiryHours('', 'hours')).toBeNull();
    expect(expiryHours('  ', 'days')).toBeNull();
    expect(expiryHours('12', 'hours')).toBe(12);
    expect(expiryHours('7', 'days')).toBe(168);
    expect(expiryHours('0.5', 'hours')).toBe(0.5);
  });

  it('refuses zero, negatives, words and more than a year', () => {
    for (const [count, unit] of [['0', 'hours'], ['-1', 'days'], ['soon', 'hours'], ['367', 'days']] as const) {
      expect(expiryHours(count, unit)).toHaveProperty('error');
    }
  });
});
