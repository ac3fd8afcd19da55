/**
 * findDemoIncident: the newest demo incident whose evidence is all in (every source ready), or
 * null. One left half-loaded by a dead process is not offered; a new one is made instead.
 */
import type { IncidentDto } from '@/lib/schemas/incident';
import { getDb } from '../db/client';
import { readyEventCounts } from './ready-event-counts';
import { INCIDENT_SELECT, toIncidentDto } from './to-incident-dto';

export async function findDemoIncident(): Promise<IncidentDto | null> {
  const { prisma } = await getDb();
  const row = await prisma.incident.findFirst({
    where: { demo: true, sources: { some: {}, every: { status: 'ready' } } },
    select: INCIDENT_SELECT,
    orderBy: { createdAt: 'desc' },
  });
  if (!row) return null;
  const events = await readyEventCounts(prisma, [row.id]);
  return toIncidentDto(row, events.get(row.id) ?? 0);
}
