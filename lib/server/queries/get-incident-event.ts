/**
 * getIncidentEvent: one stored event of an incident by id, with its source's name, whatever
 * the source's status (the caller decides whether an event outside the analysis is found).
 * The where clause names the primary key first: one row read, the incident checked on it.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { incidentNumber } from '../db/incident-number';
import { NotFoundError } from '../errors';
import { withRawTexts, type WithRawText } from '../source-text';
import { EVENT_SELECT, type EventRow } from './to-event-dto';

export interface IncidentEvent {
  row: WithRawText<EventRow>;
  sourceName: string;
}

export async function getIncidentEvent(prisma: PrismaClient, incidentId: string, eventId: number): Promise<IncidentEvent> {
  const [row, number] = await Promise.all([prisma.event.findUnique({ where: { id: eventId }, select: EVENT_SELECT }), incidentNumber(prisma, incidentId)]);
  if (!row || row.incidentNumber !== number) throw new NotFoundError('event', String(eventId));
  const source = await prisma.source.findUnique({ where: { incidentId_position: { incidentId, position: row.position } }, select: { id: true, name: true } });
  if (!source) throw new NotFoundError('event', String(eventId));
  const [withText] = withRawTexts([{ ...row, sourceId: source.id }]);
  return { row: withText as WithRawText<EventRow>, sourceName: source.name };
}
