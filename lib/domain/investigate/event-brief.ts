/**
 * An event as the investigation views list it (EventBriefDto): what a row of the request view
 * shows, without the attributes and raw text the event detail route gives.
 */
import type { EventBriefDto } from '../../schemas/investigation';
import { alignedSpanOf, eventIdOf, laneOfEvent, type Investigated } from './investigated';

export function eventBrief(subject: Investigated, index: number): EventBriefDto {
  const event = subject.input.events.at(index);
  const { at, endAt } = alignedSpanOf(subject, index);
  return {
    id: eventIdOf(subject, index),
    lane: laneOfEvent(subject, index),
    source: subject.input.sources[event.source]?.name ?? '',
    service: event.service,
    level: event.level,
    ts: event.interval?.[0] ?? event.ts,
    at,
    endAt,
    name: event.name,
    status: event.status,
    message: event.message,
    locator: event.locator,
  };
}
