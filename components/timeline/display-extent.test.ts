import { describe, expect, it } from 'vitest';
import { displayExtent, MIN_EXTENT_MS } from './display-extent';

describe('displayExtent', () => {
  it('adds a small margin each side', () => {
    expect(displayExtent([0, 10_000])).toEqual({ startMs: -200, endMs: 10_200 });
  });

  it('gives an instant a readable span', () => {
    const w = displayExtent([5000, 5000])!;
    expect(w.endMs - w.startMs).toBeGreaterThanOrEqual(MIN_EXTENT_MS);
    expect((w.startMs + w.endMs) / 2).toBe(5000);
  });

  it('is null without timed events', () => {
    expect(displayExtent(null)).toBeNull();
  });
});
