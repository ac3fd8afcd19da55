import { describe, expect, it } from 'vitest';
import { durationText, fullTime, timeOfDay } from './time-text';

const T = Date.UTC(2026, 10, 23, 10, 2, 3, 830);

describe('time text', () => {
  it('prints the UTC time of day to the millisecond', () => {
    expect(timeOfDay(T)).toBe('10:02:03.830');
    expect(timeOfDay(null)).toBe('—');
  });

  it('prints the full instant with its date', () => {
    expect(fullTime(T)).toBe('2026-11-23 10:02:03.830Z');
    expect(fullTime(null)).toBe('no time');
  });

  it('prints durations at the precision a request needs', () => {
    expect(durationText(850)).toBe('850 ms');
    expect(durationText(0.5)).toBe('0.5 ms');
    expect(durationText(1250)).toBe('1.25 s');
    expect(durationText(42_500)).toBe('42.5 s');
    expect(durationText(200_000)).toBe('3 min 20 s');
    expect(durationText(120_000)).toBe('2 min');
  });
});
