import { describe, expect, it } from 'vitest';
import { displayTime, easeInOut, laneShifts, modeRawness } from './time-shift';

describe('time shift', () => {
  it('puts raw at aligned plus the offset', () => {
    expect(displayTime(1000, 250, modeRawness('aligned'))).toBe(1000);
    expect(displayTime(1000, 250, modeRawness('raw'))).toBe(1250);
    expect(displayTime(1000, 250, 0.5)).toBe(1125);
  });

  it('shifts data held in one mode to draw it in the other', () => {
    expect([...laneShifts([100, -50], 'aligned', 1)]).toEqual([100, -50]);
    expect([...laneShifts([100, -50], 'raw', 0)]).toEqual([-100, 50]);
    expect([...laneShifts([100, -50], 'raw', 1)]).toEqual([0, -0]);
  });

  it('reuses the output array when it fits', () => {
    const out = new Float64Array(2);
    expect(laneShifts([1, 2], 'aligned', 1, out)).toBe(out);
  });

  it('eases from 0 to 1', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBe(0.5);
    expect(easeInOut(2)).toBe(1);
  });
});
