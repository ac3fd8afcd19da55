/**
 * The profile saved with an incident (Incident.profile, JSON text as the user wrote it) -> the
 * profile the analysis reads, defaults filled. Saving validates (save-incident-profile.ts), so
 * a failure here means the schema has moved since: the report says so instead of silently
 * analyzing without the profile.
 */
import { describeIssues, profileSchema, type AnalysisProfile } from '@/lib/schemas/profile';
import { ConflictError } from '../errors';

export function parseSavedProfile(text: string | null): AnalysisProfile | null {
  if (text === null) return null;
  const parsed = profileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new ConflictError(`the incident's saved profile is no longer valid; save it again (${describeIssues(parsed.error).join('; ')})`);
  return parsed.data;
}
