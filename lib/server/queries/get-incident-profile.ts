/** getIncidentProfile: the incident's saved profile as written, or null; NotFoundError for no incident. */
import type { ProfileDto } from '@/lib/schemas/profile-api';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';

export async function getIncidentProfile(incidentId: string): Promise<ProfileDto> {
  const { prisma } = await getDb();
  const row = await prisma.incident.findUnique({ where: { id: incidentId }, select: { profile: true } });
  if (!row) throw new NotFoundError('incident', incidentId);
  return { profile: row.profile === null ? null : (JSON.parse(row.profile) as ProfileDto['profile']) };
}
