/**
 * EvidenceEvent <-> Event row. One column list shared by the bulk insert and the readers.
 *
 * Locator: `line` or `idx` when the record has one; a span's locator is its `spanId`, which is
 * also the span id it carries, so one column serves both (a log line's `spanId` column is the
 * span it was written inside, and its locator is its line). `interval` is startTs/endTs;
 * attributes are JSON text, null when there are none; `raw` or `rawOffset`/`rawLength`.
 *
 * Rows travel as flat batches (EventRowBatch): ROW_COLUMNS.length values per event, one after
 * the other, in one array. That is what the parse worker posts to the writer (one structured
 * clone of primitives per batch, no per-event arrays) and what the bulk insert binds. The
 * owner's columns (incident, source, position) are the same for a whole batch and travel once.
 */
import type { EvidenceEvent } from '@/lib/domain/event';
import type { TextRange } from '../ingest/line-offsets';

/** Columns that are the same for every event of a source. */
export const OWNER_COLUMNS = ['incidentId', 'sourceId', 'position'] as const;

/** The per-event columns, in the order eventRowValues writes them. */
export const ROW_COLUMNS = [
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
  'rawOffset',
  'rawLength',
  'unparsed',
] as const;

export const ROW_WIDTH = ROW_COLUMNS.length;
/** Index of `unparsed` in a row: stored as 0/1 (SQLite's booleans); other engines want a boolean. */
export const UNPARSED_COLUMN = ROW_COLUMNS.indexOf('unparsed');

/** A value better-sqlite3 binds as is. */
export type EventRowValue = string | number | null;

/** `count` events, ROW_WIDTH values each, in ROW_COLUMNS order. */
export interface EventRowBatch {
  values: EventRowValue[];
  count: number;
  /** Characters of text in the batch's values: what it weighs in memory and in a transaction. */
  chars: number;
}

export interface EventOwner {
  incidentId: string;
  sourceId: string;
  position: number;
}

function attributesJson(attributes: Record<string, unknown>): string | null {
  for (const _ in attributes) return JSON.stringify(attributes);
  return null;
}

/** Characters of text in `values`. */
export function textChars(values: readonly EventRowValue[]): number {
  let chars = 0;
  for (const value of values) if (typeof value === 'string') chars += value.length;
  return chars;
}

/**
 * Appends the event's ROW_COLUMNS values to `out`: its raw text, or with `rawAt` where that text
 * lies in the source's text file instead (lib/server/source-text.ts).
 */
export function pushEventRow(out: EventRowValue[], event: EvidenceEvent, seq: number, rawAt: TextRange | null = null): void {
  const { locator, ids, interval } = event;
  out.push(
    seq,
    'line' in locator ? locator.line : null,
    'index' in locator ? locator.index : null,
    'spanId' in locator ? locator.spanId : ids.spanId,
    event.ts,
    interval ? interval[0] : null,
    interval ? interval[1] : null,
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
    rawAt === null ? event.raw : null,
    rawAt === null ? null : rawAt.offset,
    rawAt === null ? null : rawAt.length,
    event.unparsed ? 1 : 0,
  );
}
