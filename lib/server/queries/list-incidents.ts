/** listIncidents: every incident, newest first, with its source and event counts. */
import type { IncidentDto } from '@/lib/schemas/incident';
import { getDb } from '../db/client';
import { readyEventCounts } from './ready-event-counts';
import { INCIDENT_SELECT, toIncidentDto } from './to-incident-dto';

export async function listIncidents(): Promise<IncidentDto[]> {
  const { prisma } = await getDb();
  const rows = await prisma.incident.findMany({ select: INCIDENT_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  const events = await readyEventCounts(prisma, rows.map((r) => r.id));
  return rows.map((row) => toIncidentDto(row, events.get(row.id) ?? 0));
}
