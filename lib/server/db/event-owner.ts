/**
 * An event row names its source by EventOwner (event-row.ts): its incident's number and the
 * source's position, which Source is unique on (through the incident's id). A 16-character
 * source id in every row and in the per-source index (incident number, position, seq) cost 16
 * bytes twice per event; these two integers take one to three bytes each.
 *
 * What starts from a source id (a parse, a discard, a source's events for the analysis) finds
 * its owner here; what starts from rows maps their position back to the incident's sources.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { EventOwner } from './event-row';
import { incidentNumber } from './incident-number';

/** The owner of the source's events, or null when there is no such source. */
export async function eventOwner(prisma: Pick<PrismaClient, 'source' | 'incident'>, sourceId: string): Promise<EventOwner | null> {
  const source = await prisma.source.findUnique({ where: { id: sourceId }, select: { incidentId: true, position: true } });
  if (source === null) return null;
  const number = await incidentNumber(prisma, source.incidentId);
  return number === null ? null : { incidentNumber: number, position: source.position };
}
