/**
 * EvidenceEvent <-> Event row. One column list shared by the bulk insert and the readers.
 *
 * Locator: `line` or `idx` when the record has one; a span's locator is its `spanId`, which is
 * also the span id it carries, so one column serves both (a log line's `spanId` column is the
 * span it was written inside, and its locator is its line). `interval` is startTs/endTs;
 * attributes are JSON text, null when there are none.
 */
import type { EvidenceEvent } from '@/lib/domain/event';

export const EVENT_COLUMNS = [
  'incidentId',
  'sourceId',
  'position',
  'seq',
  'line',
  'idx',
  'spanId',
  'ts',
  'startTs',
  'endTs',
  'service',
  'level',
  'name',
  'status',
  'message',
  'requestId',
  'correlationId',
  'traceId',
  'parentSpanId',
  'sessionId',
  'attributes',
  'raw',
  'unparsed',
] as const;

export type EventRowValue = string | number | boolean | null;

export interface EventOwner {
  incidentId: string;
  sourceId: string;
  position: number;
}

function attributesJson(attributes: Record<string, unknown>): string | null {
  for (const _ in attributes) return JSON.stringify(attributes);
  return null;
}

/** Values in EVENT_COLUMNS order. */
export function eventRowValues(event: EvidenceEvent, owner: EventOwner, seq: number): EventRowValue[] {
  const { locator, ids } = event;
  return [
    owner.incidentId,
    owner.sourceId,
    owner.position,
    seq,
    'line' in locator ? locator.line : null,
    'index' in locator ? locator.index : null,
    'spanId' in locator ? locator.spanId : ids.spanId,
    event.ts,
    event.interval ? event.interval[0] : null,
    event.interval ? event.interval[1] : null,
    event.service,
    event.level,
    event.name,
    event.status,
    event.message,
    ids.requestId,
    ids.correlationId,
    ids.traceId,
    ids.parentSpanId,
    ids.sessionId,
    attributesJson(event.attributes),
    event.raw,
    event.unparsed,
  ];
}
