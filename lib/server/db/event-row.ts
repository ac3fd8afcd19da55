/**
 * EvidenceEvent <-> Event row. One column list shared by the bulk insert and the readers.
 *
 * Locator: `line` or `idx` when the record has one; a span's locator is its `spanId`, which is
 * also the span id it carries, so one column serves both (a log line's `spanId` column is the
 * span it was written inside, and its locator is its line). `interval` is startTs/endTs, endTs
 * null when it is ts (storedEndTs, intervalOf); attributes are JSON text, null when there are
 * none; `raw` or `rawOffset`/`rawLength`.
 *
 * Rows travel as flat batches (EventRowBatch): the values of the batch's columns, event after
 * event, in one array, where `columns` says which of ROW_COLUMNS those are: a column that is
 * null in every row of the batch is left out (most are: a log line has no span, no interval,
 * usually no name or status). That array is what the parse worker posts to the writer and, as
 * it is, what SQLite's insert binds: the main thread touches no value one by one. (Structured
 * clone costs per value on both sides: 200k full rows took 260-340 ms to post and 270 ms to
 * receive, without their nulls 120-220 and 100-130 ms; and the main thread's inserts, which
 * also picked the bound values out of full rows, took 8.1-9.7 s per 1M events, now 6.7-6.8 s.)
 * The owner's columns (incident number, source position) are the same for a whole batch and travel
 * once.
 * EventRowBatcher cuts them at ROWS_PER_BATCH rows, one insert statement's worth: an array of
 * over ~16k values lives in V8's large-object space, where every store costs several times
 * more (1M events: 2.1 s of pushing rows into 5,000-row arrays, 0.3 s into 500-row ones).
 */
import type { EvidenceEvent } from '@/lib/domain/event';
import type { TextRange } from '../ingest/line-offsets';

/** Columns that are the same for every event of a source. */
export const OWNER_COLUMNS = ['incidentNumber', 'position'] as const;

/** The per-event columns, in the order writeEventRow writes them. */
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

/** `count` events: for each, the values of `columns`' columns, in ROW_COLUMNS order. */
export interface EventRowBatch {
  /** Bit c set: ROW_COLUMNS[c] is in `values`. The others are null in every row. */
  columns: number;
  values: EventRowValue[];
  count: number;
  /** Characters of text in the batch's values: what it weighs in memory and in a transaction. */
  chars: number;
}

/** The ROW_COLUMNS indexes of a batch's `columns`, in order (so also how wide its rows are). */
export function batchColumns(columns: number): number[] {
  const present: number[] = [];
  for (let c = 0; c < ROW_WIDTH; c++) if (columns & (1 << c)) present.push(c);
  return present;
}

/** The names of the ROW_COLUMNS whose bits `columns` sets (a batch's `columns`, or several OR'ed). */
export function columnNames(columns: number): string[] {
  return batchColumns(columns).map((c) => ROW_COLUMNS[c]!);
}

/**
 * A batch of `count` full rows (ROW_WIDTH values each, in ROW_COLUMNS order), without the
 * columns that are null in all of them. `rows` is only read.
 */
export function packRows(rows: readonly EventRowValue[], count: number): EventRowBatch {
  const end = count * ROW_WIDTH;
  let columns = 0;
  for (let i = 0, c = 0; i < end; i++) {
    if (rows[i] !== null) columns |= 1 << c;
    if (++c === ROW_WIDTH) c = 0;
  }
  const present = batchColumns(columns);
  const values = new Array<EventRowValue>(count * present.length);
  let chars = 0;
  for (let r = 0, out = 0; r < count; r++) {
    const at = r * ROW_WIDTH;
    for (const c of present) {
      const value = rows[at + c] as EventRowValue;
      if (typeof value === 'string') chars += value.length;
      values[out++] = value;
    }
  }
  return { columns, values, count, chars };
}

/**
 * The columns that name an event's source, the same for all its events: its incident's number
 * and the source's position (lib/server/db/event-owner.ts).
 */
export interface EventOwner {
  /** Incident.number (incident-number.ts). */
  incidentNumber: number;
  /** Source.position. */
  position: number;
}

/**
 * The endTs column of an interval: null when the interval ends at the event's time, as a
 * record with a duration does (spec section 2: written when the work ended). Most logged
 * intervals do, and a float is 8 bytes a row on PostgreSQL (6 on SQLite, which stores an
 * integral REAL as an integer); intervalOf reads it back.
 */
function storedEndTs(interval: readonly [number, number], ts: number | null): number | null {
  return interval[1] === ts ? null : interval[1];
}

/** The interval of an event row (see storedEndTs); rows written before it hold endTs as is. */
export function intervalOf(startTs: number | null, endTs: number | null, ts: number | null): [number, number] | null {
  if (startTs === null) return null;
  const end = endTs ?? ts;
  return end === null ? null : [startTs, end];
}

function attributesJson(attributes: Record<string, unknown>): string | null {
  for (const _ in attributes) return JSON.stringify(attributes);
  return null;
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
  out[i++] = interval ? storedEndTs(interval, event.ts) : null;
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

/**
 * Events -> row batches of at most ROWS_PER_BATCH rows (see above): each row is written into one
 * reused array of full rows, which is packed (packRows) when the batch closes.
 */
export class EventRowBatcher {
  private batches: EventRowBatch[] = [];
  private readonly rows: EventRowValue[] = new Array<EventRowValue>(ROWS_PER_BATCH * ROW_WIDTH).fill(null);
  private count = 0;

  add(event: EvidenceEvent, seq: number, rawAt: TextRange | null): void {
    if (this.count === ROWS_PER_BATCH) this.close();
    writeEventRow(this.rows, this.count * ROW_WIDTH, event, seq, rawAt);
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
    this.batches.push(packRows(this.rows, this.count));
    this.count = 0;
  }
}
