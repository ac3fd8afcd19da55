/**
 * getIncidentEvent: one stored event of an incident by id, with its source's name, whatever
 * the source's status (the caller decides whether an event outside the analysis is found).
 * The where clause names the primary key first: one row read, the incident checked on it.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { NotFoundError } from '../errors';
import { withRawTexts, type WithRawText } from '../source-text';
import { EVENT_SELECT, type EventRow } from './to-event-dto';

export interface IncidentEvent {
  row: WithRawText<EventRow>;
  sourceName: string;
}

export async function getIncidentEvent(prisma: PrismaClient, incidentId: string, eventId: number): Promise<IncidentEvent> {
  const found = await prisma.event.findUnique({ where: { id: eventId }, select: { ...EVENT_SELECT, incidentId: true } });
  if (!found || found.incidentId !== incidentId) throw new NotFoundError('event', String(eventId));
  const { incidentId: _incident, ...row } = found;
  const source = await prisma.source.findUnique({ where: { id: row.sourceId }, select: { name: true } });
  const [withText] = withRawTexts([row]);
  return { row: withText as WithRawText<EventRow>, sourceName: source?.name ?? row.sourceId };
}
