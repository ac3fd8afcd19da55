/** Checks shared by the annotation and postmortem queries: the incident exists, the event is its own. */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { incidentNumber } from '../db/incident-number';
import { NotFoundError } from '../errors';

type Reader = Pick<PrismaClient, 'incident' | 'event'>;

export async function requireIncident(prisma: Reader, incidentId: string): Promise<void> {
  const row = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!row) throw new NotFoundError('incident', incidentId);
}

/** An event of another incident is "not found" here, as the events route answers for it. */
export async function requireIncidentEvent(prisma: Reader, incidentId: string, eventId: number): Promise<void> {
  const [row, number] = await Promise.all([prisma.event.findUnique({ where: { id: eventId }, select: { incidentNumber: true } }), incidentNumber(prisma, incidentId)]);
  if (!row || row.incidentNumber !== number) throw new NotFoundError('event', String(eventId));
}
