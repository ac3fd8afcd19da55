/**
 * The columns of a stored event that describe the record itself (spec section 2), and their
 * mapping back to the domain's event: the inverse of lib/server/db/event-row.ts. The API's
 * event shape (to-event-dto.ts) and the analysis input (lib/server/analysis) both build on it.
 * The `spanId` column is both a span's locator and the span a log line was written inside.
 */
import type { EvidenceEvent } from '@/lib/domain/event';
import { noInterning, type Interner } from './interner';
import { locatorOf } from './locator-of';
import { intervalOf } from '../db/event-row';

export const STORED_EVENT_SELECT = {
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
  unparsed: true,
} as const;

export interface StoredEventRow {
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
  unparsed: boolean;
}

function parseAttributes(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  const parsed: unknown = JSON.parse(json);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** `intern` shares the few-valued columns' strings across a load (interner.ts). */
export function toStoredEvent(row: StoredEventRow, intern: Interner = noInterning): Omit<EvidenceEvent, 'raw'> {
  return {
    // Every stored event has a locator; `seq` stands in if a parser ever omitted one.
    locator: locatorOf(row) ?? { index: row.seq },
    ts: row.ts,
    interval: intervalOf(row.startTs, row.endTs, row.ts),
    service: intern(row.service),
    level: intern(row.level),
    name: intern(row.name),
    status: intern(row.status),
    message: row.message,
    ids: {
      requestId: row.requestId,
      correlationId: row.correlationId,
      traceId: row.traceId,
      spanId: row.spanId,
      parentSpanId: row.parentSpanId,
      sessionId: row.sessionId,
    },
    attributes: parseAttributes(row.attributes),
    unparsed: row.unparsed,
  };
}
