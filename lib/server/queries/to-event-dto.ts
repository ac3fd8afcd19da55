/** Event row -> the API's event shape. */
import type { EventDto } from '@/lib/schemas/event';
import { STORED_EVENT_SELECT, type StoredEventRow, toStoredEvent } from './stored-event';
import { isoTime } from './to-source-dto';

export const EVENT_SELECT = { ...STORED_EVENT_SELECT, id: true, sourceId: true, position: true, raw: true } as const;

export interface EventRow extends StoredEventRow {
  id: number;
  sourceId: string;
  position: number;
  raw: string;
}

export function toEventDto(row: EventRow, sourceName: string): EventDto {
  const event = toStoredEvent(row);
  return {
    id: row.id,
    sourceId: row.sourceId,
    source: sourceName,
    seq: row.seq,
    locator: event.locator,
    ts: row.ts,
    time: isoTime(row.ts),
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
