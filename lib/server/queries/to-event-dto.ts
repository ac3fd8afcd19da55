/** Event row -> the API's event shape. */
import type { EventDto } from '@/lib/schemas/event';
import { locatorOf } from './locator-of';
import { isoTime } from './to-source-dto';

export const EVENT_SELECT = {
  id: true,
  sourceId: true,
  position: true,
  seq: true,
  line: true,
  idx: true,
  spanId: true,
  ts: true,
  startTs: true,
  endTs: true,
  service: true,
  level: true,
  name: true,
  status: true,
  message: true,
  requestId: true,
  correlationId: true,
  traceId: true,
  parentSpanId: true,
  sessionId: true,
  attributes: true,
  raw: true,
  unparsed: true,
} as const;

export interface EventRow {
  id: number;
  sourceId: string;
  position: number;
  seq: number;
  line: number | null;
  idx: number | null;
  spanId: string | null;
  ts: number | null;
  startTs: number | null;
  endTs: number | null;
  service: string | null;
  level: string | null;
  name: string | null;
  status: string | null;
  message: string | null;
  requestId: string | null;
  correlationId: string | null;
  traceId: string | null;
  parentSpanId: string | null;
  sessionId: string | null;
  attributes: string | null;
  raw: string;
  unparsed: boolean;
}

function attributes(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  const parsed: unknown = JSON.parse(json);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export function toEventDto(row: EventRow, sourceName: string): EventDto {
  return {
    id: row.id,
    sourceId: row.sourceId,
    source: sourceName,
    seq: row.seq,
    // Every stored event has a locator; `seq` stands in if a parser ever omitted one.
    locator: locatorOf(row) ?? { index: row.seq },
    ts: row.ts,
    time: isoTime(row.ts),
    interval: row.startTs !== null && row.endTs !== null ? [row.startTs, row.endTs] : null,
    service: row.service,
    level: row.level,
    name: row.name,
    status: row.status,
    message: row.message,
    ids: {
      requestId: row.requestId,
      correlationId: row.correlationId,
      traceId: row.traceId,
      spanId: row.spanId,
      parentSpanId: row.parentSpanId,
      sessionId: row.sessionId,
    },
    attributes: attributes(row.attributes),
    raw: row.raw,
    unparsed: row.unparsed,
  };
}
