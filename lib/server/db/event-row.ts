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
 * EventRowBatcher cuts them at ROWS_PER_BATCH rows, one insert statement's worth: an array of
 * over ~16k values lives in V8's large-object space, where every store costs several times
 * more (1M events: 2.1 s of pushing rows into 5,000-row arrays, 0.3 s into 500-row ones).
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

/** Rows of one batch from EventRowBatcher: 500 x 22 values stay under V8's large-object size (bulk-insert.ts binds a batch as one statement). */
export const ROWS_PER_BATCH = 500;

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
 * Writes the event's ROW_COLUMNS values into `out` from index `at`: its raw text, or with `rawAt`
 * where that text lies in the source's text file instead (lib/server/source-text.ts).
 */
function writeEventRow(out: EventRowValue[], at: number, event: EvidenceEvent, seq: number, rawAt: TextRange | null): void {
  const { locator, ids, interval } = event;
  let i = at;
  out[i++] = seq;
  out[i++] = 'line' in locator ? locator.line : null;
  out[i++] = 'index' in locator ? locator.index : null;
  out[i++] = 'spanId' in locator ? locator.spanId : ids.spanId;
  out[i++] = event.ts;
  out[i++] = interval ? interval[0] : null;
  out[i++] = interval ? interval[1] : null;
  out[i++] = event.service;
  out[i++] = event.level;
  out[i++] = event.name;
  out[i++] = event.status;
  out[i++] = event.message;
  out[i++] = ids.requestId;
  out[i++] = ids.correlationId;
  out[i++] = ids.traceId;
  out[i++] = ids.parentSpanId;
  out[i++] = ids.sessionId;
  out[i++] = attributesJson(event.attributes);
  out[i++] = rawAt === null ? event.raw : null;
  out[i++] = rawAt === null ? null : rawAt.offset;
  out[i++] = rawAt === null ? null : rawAt.length;
  out[i] = event.unparsed ? 1 : 0;
}

/** Events -> row batches of at most ROWS_PER_BATCH rows (see above), filled in place. */
export class EventRowBatcher {
  private batches: EventRowBatch[] = [];
  private values: EventRowValue[] = new Array<EventRowValue>(ROWS_PER_BATCH * ROW_WIDTH);
  private count = 0;

  add(event: EvidenceEvent, seq: number, rawAt: TextRange | null): void {
    if (this.count === ROWS_PER_BATCH) this.close();
    writeEventRow(this.values, this.count * ROW_WIDTH, event, seq, rawAt);
    this.count++;
  }

  /** The batches so far; the batcher starts empty again. */
  take(): EventRowBatch[] {
    if (this.count > 0) this.close();
    const batches = this.batches;
    this.batches = [];
    return batches;
  }

  private close(): void {
    const values = this.values;
    values.length = this.count * ROW_WIDTH;
    this.batches.push({ values, count: this.count, chars: textChars(values) });
    this.values = new Array<EventRowValue>(ROWS_PER_BATCH * ROW_WIDTH);
    this.count = 0;
  }
}
