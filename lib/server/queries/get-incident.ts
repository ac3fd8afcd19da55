/** getIncident: one incident with its counts, or NotFoundError. */
import type { IncidentDto } from '@/lib/schemas/incident';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { readyEventCounts } from './ready-event-counts';
import { INCIDENT_SELECT, toIncidentDto } from './to-incident-dto';

export async function getIncident(id: string): Promise<IncidentDto> {
  const { prisma } = await getDb();
  const row = await prisma.incident.findUnique({ where: { id }, select: INCIDENT_SELECT });
  if (!row) throw new NotFoundError('incident', id);
  const events = await readyEventCounts(prisma, [id]);
  return toIncidentDto(row, events.get(id) ?? 0);
}
