/**
 * `GET /events/{eventId}` on the server: the stored record (raw text and attributes, which the
 * analysis does not keep) plus where it sits in the analysis. An event of a source that is not
 * part of the analysis (still being ingested) is not found, as the events listing leaves it out.
 */
import { alignedTsOf } from '@/lib/domain/investigate/investigated';
import { placeEvent } from '@/lib/domain/investigate/event-placement';
import type { EventDetailDto } from '@/lib/schemas/investigation';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { getIncidentEvent } from '../queries/get-incident-event';
import { toEventDto } from '../queries/to-event-dto';
import { type AnalysisOptions, getIncidentAnalysis } from '../analysis/incident-analysis';

export async function getEventDetail(incidentId: string, eventId: number, options: AnalysisOptions): Promise<EventDetailDto> {
  const analyzed = await getIncidentAnalysis(incidentId, options);
  const { prisma } = await getDb();
  const { row, sourceName } = await getIncidentEvent(prisma, incidentId, eventId);
  const index = analyzed.indexOfEventId(eventId);
  if (index < 0) throw new NotFoundError('event', String(eventId));
  return { event: { ...toEventDto(row, sourceName), at: alignedTsOf(analyzed, index) }, ...placeEvent(analyzed, index) };
}
