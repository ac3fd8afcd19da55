import { describe, expect, it } from 'vitest';
import { formatInstant, timeScale, timeTicks } from './scale';

const T0 = Date.UTC(2026, 10, 23, 23, 59, 0); // 2026-11-23 23:59:00Z

describe('timeScale', () => {
  it('maps the window onto the width', () => {
    const s = timeScale({ startMs: T0, endMs: T0 + 1000 }, 500);
    expect(s(T0)).toBe(0);
    expect(s(T0 + 500)).toBe(250);
    expect(s.invert(500).getTime()).toBe(T0 + 1000);
  });
});

describe('timeTicks', () => {
  it('labels milliseconds when zoomed in', () => {
    const ticks = timeTicks({ startMs: T0 + 10, endMs: T0 + 60 }, 500);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0]!.label).toMatch(/^23:59:00\.0\d0$/);
    expect(ticks[0]!.date).toBe('2026-11-23');
    expect(ticks[1]!.date).toBeNull();
    for (const t of ticks) expect(t.x).toBeGreaterThanOrEqual(0);
  });

  it('labels seconds, then minutes, as the window widens, and marks a new day', () => {
    const secs = timeTicks({ startMs: T0, endMs: T0 + 30_000 }, 600);
    expect(secs.map((t) => t.label)).toContain('23:59:10');
    const mins = timeTicks({ startMs: T0, endMs: T0 + 3_600_000 }, 600);
    expect(mins.every((t) => /^\d\d:\d\d$/.test(t.label))).toBe(true);
    const midnight = mins.find((t) => t.label === '00:00');
    expect(midnight?.date).toBe('2026-11-24');
  });

  it('about one tick per 100 px', () => {
    const ticks = timeTicks({ startMs: T0, endMs: T0 + 10_000 }, 1000);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(21);
  });

  it('no ticks for no width or an empty window', () => {
    expect(timeTicks({ startMs: T0, endMs: T0 + 10 }, 0)).toEqual([]);
    expect(timeTicks({ startMs: T0, endMs: T0 }, 500)).toEqual([]);
  });
});

describe('formatInstant', () => {
  it('is full UTC to the millisecond', () => {
    expect(formatInstant(T0 + 7)).toBe('2026-11-23 23:59:00.007Z');
    expect(formatInstant(Number.NaN)).toBe('');
  });
});
