import { describe, expect, it } from 'vitest';
import { stepEventId } from './step-selection';

describe('stepEventId', () => {
  it('moves to the next and previous event', () => {
    expect(stepEventId([5, 7, 9], 7, 1)).toBe(9);
    expect(stepEventId([5, 7, 9], 7, -1)).toBe(5);
  });

  it('starts at the first event forward and the last backward when nothing is selected', () => {
    expect(stepEventId([5, 7, 9], null, 1)).toBe(5);
    expect(stepEventId([5, 7, 9], null, -1)).toBe(9);
    // A selection outside this view (an event of another request) counts as none.
    expect(stepEventId([5, 7, 9], 42, 1)).toBe(5);
  });

  it('stays at either end', () => {
    expect(stepEventId([5, 7, 9], 9, 1)).toBe(9);
    expect(stepEventId([5, 7, 9], 5, -1)).toBe(5);
  });

  it('skips further rows of the selected event', () => {
    expect(stepEventId([5, 7, 7, 9], 7, 1)).toBe(9);
    expect(stepEventId([5, 7, 7, 9], 7, -1)).toBe(5);
    expect(stepEventId([7, 7], 7, 1)).toBe(7);
  });

  it('returns null for an empty list', () => {
    expect(stepEventId([], 3, 1)).toBeNull();
  });
});
