import { describe, expect, it } from 'vitest';
import { epochDigitsToMs, parseIsoTimestamp, parseTimestampValue } from './timestamp';

describe('parseIsoTimestamp', () => {
  it('reads RFC 3339 with Z and keeps sub-millisecond digits', () => {
    expect(parseIsoTimestamp('2022-08-22T05:18:42.908318Z')).toBeCloseTo(Date.UTC(2022, 7, 22, 5, 18, 42) + 908.318, 6);
  });
  it('applies numeric offsets in both spellings', () => {
    const utc = Date.UTC(2026, 10, 20, 10, 0, 5, 250);
    expect(parseIsoTimestamp('2026-11-20T13:30:05.250+03:30')).toBe(utc);
    expect(parseIsoTimestamp('2026-11-20T06:00:05.250-0400')).toBe(utc);
  });
  it('reads the log4j / Python layout with a comma and no zone as UTC', () => {
    expect(parseIsoTimestamp('2026-11-20 10:00:05,250 INFO x')).toBe(Date.UTC(2026, 10, 20, 10, 0, 5, 250));
  });
  it('reports where the timestamp ends', () => {
    const end = { index: 0 };
    parseIsoTimestamp('2025-04-24T22:09:20.854Z\tinfo', 0, end);
    expect(end.index).toBe(24);
  });
  it('refuses what is not a timestamp', () => {
    expect(parseIsoTimestamp('2026-13-01T00:00:00Z')).toBeNull();
    expect(parseIsoTimestamp('hello')).toBeNull();
    expect(parseIsoTimestamp('20261120')).toBeNull();
  });
});

describe('parseTimestampValue', () => {
  const ms = Date.UTC(2022, 7, 22, 5, 18, 42, 908);
  it('tells seconds, milliseconds, microseconds and nanoseconds apart by magnitude', () => {
    expect(parseTimestampValue(ms / 1000)).toBeCloseTo(ms, 3);
    expect(parseTimestampValue(ms)).toBe(ms);
    expect(parseTimestampValue(ms * 1000)).toBe(ms);
    expect(parseTimestampValue(String(ms) + '000000')).toBe(ms);
  });
  it('keeps microseconds of a nanosecond string beyond 2^53', () => {
    expect(epochDigitsToMs('1661145522908318000')).toBeCloseTo(1661145522908.318, 3);
  });
  it('rejects negative and empty values (Go zero time overflow)', () => {
    expect(parseTimestampValue('-6795364578871345152')).toBeNull();
    expect(parseTimestampValue(-5)).toBeNull();
    expect(parseTimestampValue('')).toBeNull();
    expect(parseTimestampValue({})).toBeNull();
  });
});
