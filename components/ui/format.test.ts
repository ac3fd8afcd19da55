import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimeRange } from './format';

const at = (iso: string) => Date.parse(iso);

describe('formatTimeRange', () => {
  it('writes the shared date once', () => {
    expect(formatTimeRange(at('2012-02-08T22:56:50.856Z'), at('2012-02-08T22:56:56.856Z'))).toBe(
      '2012-02-08 22:56:50 → 22:56:56',
    );
  });

  it('keeps both dates when the range crosses midnight', () => {
    expect(formatTimeRange(at('2022-08-22T23:59:58Z'), at('2022-08-23T00:00:03Z'))).toBe(
      '2022-08-22 23:59:58 → 2022-08-23 00:00:03',
    );
  });

  it('shows milliseconds only when both ends share a second', () => {
    expect(formatTimeRange(at('2026-06-21T10:10:44.630Z'), at('2026-06-21T10:10:44.933Z'))).toBe(
      '2026-06-21 10:10:44.630 → 10:10:44.933',
    );
    expect(formatTimeRange(at('2026-06-21T10:10:44.630Z'), at('2026-06-21T10:10:44.630Z'))).toBe(
      '2026-06-21 10:10:44.630',
    );
  });

  it('says so when there is no time', () => {
    expect(formatTimeRange(null, null)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(47_000)).toBe('47 s');
    expect(formatDuration(90_000)).toBe('1 min 30 s');
    expect(formatDuration((2 * 60 + 5) * 60_000)).toBe('2 h 5 min');
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 h');
  });
});
