/**
 * Manual clock offsets (spec section 4: "the user can override any offset; the override wins"),
 * kept in the profile's `offsets`, keyed by a source name, or by `source/service` for one clock
 * of a multi-service file; the more specific key wins (as lib/domain/align/clock-domains.ts
 * reads them). The report does not say which offsets are manual, so the table derives it here
 * from the profile.
 */
import { fetchJson } from '../api/api-client';
import { apiUrls } from '../api/api-urls';
import { profileDtoSchema } from '@/lib/schemas/profile-api';

export type ProfileOffsets = Readonly<Record<string, number>>;

/** One clock domain of one source, as the overrides address it. */
export interface ClockRef {
  source: string;
  service: string;
  /** True when the source has one clock: its override is keyed by the source name alone. */
  single: boolean;
}

export function overrideKey(clock: ClockRef): string {
  return clock.single ? clock.source : `${clock.source}/${clock.service}`;
}

/** The profile keys that could hold this clock's override, most specific first. */
function keysFor(clock: ClockRef): string[] {
  return [`${clock.source}/${clock.service}`, clock.source];
}

/** The key whose value the analysis uses for this clock, or null when its offset is estimated. */
export function overrideKeyInEffect(offsets: ProfileOffsets | null | undefined, clock: ClockRef): string | null {
  if (!offsets) return null;
  for (const key of keysFor(clock)) {
    const value = offsets[key];
    if (typeof value === 'number' && Number.isFinite(value)) return key;
  }
  return null;
}

/** The profile's offsets, or {} when it has none (or they are not an object of numbers). */
export function offsetsOf(profile: Record<string, unknown> | null): ProfileOffsets {
  const offsets = profile?.offsets;
  if (!offsets || typeof offsets !== 'object' || Array.isArray(offsets)) return {};
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(offsets)) if (typeof value === 'number') result[key] = value;
  return result;
}

/**
 * The profile document with this clock's override set to `offsetMs`, or removed (null: the
 * estimate applies again). Setting also drops a more specific key that would otherwise win;
 * removing drops whichever key is in effect, so the estimate really applies afterwards (for a
 * multi-service file overridden as a whole, that is the whole file's override). Everything else
 * in the profile is kept as written.
 */
export function withClockOverride(
  profile: Record<string, unknown> | null,
  clock: ClockRef,
  offsetMs: number | null,
): Record<string, unknown> {
  const offsets: Record<string, unknown> = { ...(profile?.offsets as Record<string, unknown> | undefined) };
  if (offsetMs === null) {
    const key = overrideKeyInEffect(offsetsOf(profile), clock);
    if (key !== null) delete offsets[key];
    // A specific key is always this clock's own; drop it too in case it was not a finite number.
    delete offsets[`${clock.source}/${clock.service}`];
  } else {
    const key = overrideKey(clock);
    if (clock.single) delete offsets[`${clock.source}/${clock.service}`];
    offsets[key] = offsetMs;
  }
  return { ...(profile ?? {}), offsets };
}

/**
 * Reads the saved profile, sets or removes the clock's override and saves it back (the profile
 * panel's PUT). Reading first keeps whatever else was saved meanwhile. Rejects with the server's
 * ApiError (its issues in the message) when the profile is refused.
 */
export async function saveClockOverride(incidentId: string, clock: ClockRef, offsetMs: number | null): Promise<ProfileOffsets> {
  const current = await fetchJson(apiUrls.profile(incidentId), profileDtoSchema);
  const saved = await fetchJson(apiUrls.profile(incidentId), profileDtoSchema, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(withClockOverride(current.profile, clock, offsetMs)),
  });
  return offsetsOf(saved.profile);
}
