import { describe, expect, it } from 'vitest';
import { formatStateValue, stateValueKey } from './value-format';

describe('formatStateValue', () => {
  it('shows null, booleans and numbers as themselves', () => {
    expect(formatStateValue(null)).toBe('null');
    expect(formatStateValue(true)).toBe('true');
    expect(formatStateValue(false)).toBe('false');
    expect(formatStateValue(3)).toBe('3');
    expect(formatStateValue(-0.5)).toBe('-0.5');
  });

  it('shows ordinary strings bare', () => {
    expect(formatStateValue('paid')).toBe('paid');
    expect(formatStateValue('in stock')).toBe('in stock');
  });

  it('quotes strings that would read as another value or hide something', () => {
    expect(formatStateValue('null')).toBe('"null"');
    expect(formatStateValue('true')).toBe('"true"');
    expect(formatStateValue('3')).toBe('"3"');
    expect(formatStateValue('')).toBe('""');
    expect(formatStateValue(' paid')).toBe('" paid"');
    expect(formatStateValue('a\nb')).toBe('"a\\nb"');
  });
});

describe('stateValueKey', () => {
  it('keeps types apart', () => {
    expect(stateValueKey(1)).not.toBe(stateValueKey('1'));
    expect(stateValueKey(null)).not.toBe(stateValueKey('null'));
    expect(stateValueKey('a')).toBe(stateValueKey('a'));
  });
});
