/**
 * The timeline of the investigation API: slices of a window (events one by one, or bins above
 * TIMELINE_EVENT_LIMIT) and stepping from event to event in time order.
 */
import { buildTimelineSlice } from '@/lib/domain/investigate/timeline-slice';
import { stepFromEvent, stepFromTime } from '@/lib/domain/investigate/timeline-step';
import { TIMELINE_EVENT_LIMIT, type TimelineQuery, type TimelineSliceDto, type TimelineStepDto, type TimelineStepQuery } from '@/lib/schemas/investigation';
import { NotFoundError } from '../errors';
import { type AnalysisOptions, getIncidentAnalysis } from '../analysis/incident-analysis';

export async function getTimelineSlice(incidentId: string, query: TimelineQuery, options: AnalysisOptions): Promise<TimelineSliceDto> {
  const analyzed = await getIncidentAnalysis(incidentId, options);
  return buildTimelineSlice({
    fingerprint: analyzed.fingerprint,
    columns: analyzed.columns(query.time),
    laneCount: analyzed.lanes.lanes.length,
    input: analyzed.input,
    eventIds: analyzed.eventIds,
    from: query.from,
    to: query.to,
    width: query.columns,
    eventLimit: TIMELINE_EVENT_LIMIT,
  });
}

/** 404 for an event id that is not part of the incident's analysis. */
export async function stepTimeline(incidentId: string, query: TimelineStepQuery, options: AnalysisOptions): Promise<TimelineStepDto> {
  const analyzed = await getIncidentAnalysis(incidentId, options);
  const columns = analyzed.columns(query.time);
  let position: number | null;
  if (query.event === undefined) {
    position = stepFromTime(columns, query.dir, { from: query.from, to: query.to });
  } else {
    const index = analyzed.indexOfEventId(query.event);
    if (index < 0) throw new NotFoundError('event', String(query.event));
    position = stepFromEvent(columns, analyzed.positions(query.time), index, query.dir);
  }
  if (position === null) return { eventId: null, start: null };
  return { eventId: analyzed.eventIds[columns.event[position]!]!, start: columns.start[position]! };
}
