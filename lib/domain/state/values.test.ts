import { describe, expect, it } from 'vitest';
import { idText, normalizeStateValue } from './values';

describe('normalizeStateValue', () => {
  it('turns numeric strings into numbers and true/false into booleans', () => {
    expect(normalizeStateValue('7')).toBe(7);
    expect(normalizeStateValue(' 7 ')).toBe(7);
    expect(normalizeStateValue('-1.5')).toBe(-1.5);
    expect(normalizeStateValue('1e3')).toBe(1000);
    expect(normalizeStateValue('007')).toBe(7);
    expect(normalizeStateValue('true')).toBe(true);
    expect(normalizeStateValue('False')).toBe(false);
    expect(normalizeStateValue(true)).toBe(true);
    expect(normalizeStateValue(3)).toBe(3);
  });

  it('keeps other strings, null, and rejects non-scalars', () => {
    expect(normalizeStateValue('paid')).toBe('paid');
    expect(normalizeStateValue('0x1f')).toBe('0x1f');
    expect(normalizeStateValue('12abc')).toBe('12abc');
    expect(normalizeStateValue('')).toBe('');
    expect(normalizeStateValue('truthy')).toBe('truthy');
    expect(normalizeStateValue('Infinity')).toBe('Infinity');
    expect(normalizeStateValue(null)).toBeNull();
    expect(normalizeStateValue(undefined)).toBeUndefined();
    expect(normalizeStateValue({ a: 1 })).toBeUndefined();
    expect(normalizeStateValue([1])).toBeUndefined();
    expect(normalizeStateValue(Number.NaN)).toBeUndefined();
  });
});

describe('idText', () => {
  it('prints numbers, trims strings, rejects empties and objects', () => {
    expect(idText(7)).toBe('7');
    expect(idText(' a-1 ')).toBe('a-1');
    expect(idText('007')).toBe('007');
    expect(idText('')).toBeNull();
    expect(idText(null)).toBeNull();
    expect(idText({ id: 1 })).toBeNull();
  });
});
