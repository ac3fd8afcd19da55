/**
 * Event row -> the API's event shape. `at` (aligned time) needs the clock offset of the event's
 * domain: (source, service), the source's name standing in for a missing service as it does in
 * the analysis (lib/domain/align/clock-domains.ts). Without known offsets it is null.
 */
import type { EventDto } from '@/lib/schemas/event';
import type { WithRawText } from '../source-text';
import { STORED_EVENT_SELECT, type StoredEventRow, toStoredEvent } from './stored-event';
import { isoTime } from './to-source-dto';

export const EVENT_SELECT = { ...STORED_EVENT_SELECT, id: true, incidentNumber: true, position: true, raw: true, rawOffset: true, rawLength: true } as const;

/** A stored event as EVENT_SELECT reads it: its source is its incident's number and its position (../db/event-owner.ts). */
export interface SelectedEventRow extends StoredEventRow {
  id: number;
  incidentNumber: number;
  position: number;
  raw: string | null;
  rawOffset: bigint | number | string | null;
  rawLength: number | null;
}

/** A stored event with its source's id; its raw text is read with withRawTexts (../source-text.ts) when it points into its source's text. */
export interface EventRow extends SelectedEventRow {
  sourceId: string;
}

/** The rows with their source's id, from the ids of the incident's sources by position; a row of no such source is left out. */
export function withSourceIds<R extends { position: number }>(rows: readonly R[], sourceIdAt: ReadonlyMap<number, string>): (R & { sourceId: string })[] {
  const out: (R & { sourceId: string })[] = [];
  for (const row of rows) {
    const sourceId = sourceIdAt.get(row.position);
    if (sourceId !== undefined) out.push({ ...row, sourceId });
  }
  return out;
}

/** The clock offset of the domain (source id, service), or null when unknown. */
export type OffsetOf = (sourceId: string, service: string) => number | null;

function alignedTime(row: EventRow, sourceName: string, offsetOf: OffsetOf | null): number | null {
  if (row.ts === null || offsetOf === null) return null;
  const offset = offsetOf(row.sourceId, row.service ?? sourceName);
  return offset === null ? null : row.ts - offset;
}

export function toEventDto(row: WithRawText<EventRow>, sourceName: string, offsetOf: OffsetOf | null = null): EventDto {
  const event = toStoredEvent(row);
  return {
    id: row.id,
    sourceId: row.sourceId,
    source: sourceName,
    seq: row.seq,
    locator: event.locator,
    ts: row.ts,
    time: isoTime(row.ts),
    at: alignedTime(row, sourceName, offsetOf),
    interval: event.interval,
    service: event.service,
    level: event.level,
    name: event.name,
    status: event.status,
    message: event.message,
    ids: event.ids,
    attributes: event.attributes,
    raw: row.raw,
    unparsed: event.unparsed,
  };
}
