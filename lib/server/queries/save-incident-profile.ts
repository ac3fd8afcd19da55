/**
 * saveIncidentProfile: replaces (or, with null, clears) the incident's profile. The caller has
 * validated it (lib/server/http/profile-body.ts). Saving changes the report's fingerprint, so
 * the next report is recomputed with it.
 */
import type { ProfileDocument, ProfileDto } from '@/lib/schemas/profile-api';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';

export async function saveIncidentProfile(incidentId: string, profile: ProfileDocument | null): Promise<ProfileDto> {
  const { prisma } = await getDb();
  const { count } = await prisma.incident.updateMany({
    where: { id: incidentId },
    data: { profile: profile === null ? null : JSON.stringify(profile, null, 2) },
  });
  if (count === 0) throw new NotFoundError('incident', incidentId);
  return { profile };
}
