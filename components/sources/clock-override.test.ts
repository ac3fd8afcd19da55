import { describe, expect, it } from 'vitest';
import { overrideKeyInEffect, withClockOverride, type ClockRef } from './clock-override';

const single: ClockRef = { source: 'reporting.log', service: 'reporting', single: true };
const multi: ClockRef = { source: 'traces.json', service: 'api', single: false };

describe('clock overrides in the profile', () => {
  it('keys a one-clock source by its name and a multi-service clock by source/service', () => {
    const profile = { entities: [{ type: 'item' }], toleranceMs: 500 };
    expect(withClockOverride(profile, single, 3200)).toEqual({ ...profile, offsets: { 'reporting.log': 3200 } });
    expect(withClockOverride(null, multi, -15)).toEqual({ offsets: { 'traces.json/api': -15 } });
  });

  it('reads the key in effect, the specific one first, and removes it for "use estimate"', () => {
    const profile = { offsets: { 'traces.json': 100, 'traces.json/api': 7, other: 1 } };
    expect(overrideKeyInEffect(profile.offsets, multi)).toBe('traces.json/api');
    expect(overrideKeyInEffect(profile.offsets, { ...multi, service: 'db' })).toBe('traces.json');
    expect(overrideKeyInEffect(profile.offsets, single)).toBeNull();
    expect(withClockOverride(profile, multi, null)).toEqual({ offsets: { 'traces.json': 100, other: 1 } });
    expect(withClockOverride({ offsets: { 'reporting.log': 5 } }, single, null)).toEqual({ offsets: {} });
  });

  it('drops a specific key that would beat a one-clock source override', () => {
    const profile = { offsets: { 'reporting.log/reporting': 9 } };
    expect(withClockOverride(profile, single, 3200)).toEqual({ offsets: { 'reporting.log': 3200 } });
  });
});
