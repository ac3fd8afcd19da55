/**
 * The profile at the HTTP boundary (`/api/incidents/{id}/profile`):
 * - GET answers `{ "profile": PROFILE | null }`;
 * - PUT takes the profile document itself as the body (what `--profile FILE` holds), or `null`
 *   to clear it, and answers like GET. Issues name paths inside the profile (`entities.0.state`),
 *   so an editor can point at the line.
 * The profile is stored as written (defaults are not filled in), so the editor shows it back
 * unchanged; the analysis fills defaults when it reads it.
 */
import { z } from 'zod';
import { profileSchema } from './profile';

/** A profile as a person writes it: defaulted fields may be left out. */
export type ProfileDocument = z.input<typeof profileSchema>;

export const profileDtoSchema = z.object({ profile: z.record(z.string(), z.unknown()).nullable() });
export type ProfileDto = { profile: ProfileDocument | null };
