/**
 * A source's events from PostgreSQL, for the analysis load (list-source-events.ts): ONE
 * `COPY (SELECT ...) TO STDOUT` of the source's rows in record order, in which the server
 * writes each row as the JSON text of the event's array (source-event-columns.ts), its
 * attributes spliced in as stored. The rows stream in binary format (copy-binary-rows.ts: a
 * length before each, no escapes to undo) into pages of about PAGE_TEXT_TARGET bytes, each
 * parsed with one JSON.parse, as SQLite's pages are (sqlite-event-pages.ts).
 *
 * Why: pg decoding rows (a Buffer slice and a string per value, 20 a row) and parsing each
 * event's attributes apart took most of the main thread's time. 1M stored events, alternated in
 * one hour: loaded in 3.4-3.6 s this way against 4.8-4.9 s in 5,000-row pages of arrays. The
 * server's work moved to the other core: building the rows' JSON takes it about 2.8 s, while
 * this thread parses (a bare COPY of the same columns takes it 1.4 s, json_build_array 3.3 s).
 *
 * The stream is read as it arrives: COPY pauses the server when this thread falls behind
 * (pg-copy-streams reads the socket only as its consumer does), so memory stays at a few pages.
 */
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CopyBinaryRows } from '../db/copy-binary-rows';
import type { EventOwner } from '../db/event-row';
import type { PageBounds, SourceEventArray } from './source-event-columns';
import { JsonRowPages } from './json-row-pages';

const TEXT_COLUMNS = ['service', 'level', 'name', 'status', 'message', 'requestId', 'correlationId', 'traceId', 'spanId', 'parentSpanId', 'sessionId'];
const NUMBER_COLUMNS = ['id', 'line', 'idx', 'ts', 'startTs', 'endTs'];
/** The columns in the order EVENT_JSON_SQL writes them: SOURCE_EVENT_COLUMNS' order (a test holds them equal). */
export const EVENT_JSON_COLUMNS = [...TEXT_COLUMNS, ...NUMBER_COLUMNS, 'unparsed', 'seq'];

/**
 * One event's JSON text, in SOURCE_EVENT_COLUMNS order (EVENT_JSON_COLUMNS): the text columns as one array_to_json (its closing bracket cut off), then the numbers as their
 * own text (`float8` prints the shortest text that reads back exactly), `unparsed` as 0/1, `seq`
 * and the attributes. Measured against json_build_array of every column: 2.8 against 3.3 s of
 * the server's time for 1M rows.
 */
const EVENT_JSON_SQL = [
  `left(array_to_json(ARRAY[${TEXT_COLUMNS.map((c) => `"${c}"`).join(', ')}])::text, -1)`,
  ...NUMBER_COLUMNS.map((c) => `coalesce("${c}"::text, 'null')`),
  `"unparsed"::int::text`,
  `"seq"::text`,
  `coalesce("attributes", 'null') || ']'`,
].join(` || ',' || `);

export interface PostgresSourceEventsOptions {
  /** Events a page holds at most. */
  pageSize: number;
  /** Events to read at most (Infinity: all). */
  limit: number;
  bounds: PageBounds;
}

/** The source's events in record order, in pages of at most `pageSize` (fewer when they are big). */
export async function* postgresSourceEvents(pool: pg.Pool, owner: EventOwner, options: PostgresSourceEventsOptions): AsyncGenerator<SourceEventArray[]> {
  const { pageSize, limit, bounds } = options;
  // Integers, not parameters: COPY takes none.
  const where = `"incidentNumber" = ${Math.trunc(owner.incidentNumber)} AND "position" = ${Math.trunc(owner.position)}`;
  const bound = Number.isFinite(limit) ? ` LIMIT ${Math.max(0, Math.trunc(limit))}` : '';
  const sql = `COPY (SELECT ${EVENT_JSON_SQL} FROM "Event" WHERE ${where} ORDER BY "seq"${bound}) TO STDOUT (FORMAT binary)`;
  const pages = new JsonRowPages<SourceEventArray>(pageSize);
  // A row's UTF-8 bytes are at least its characters: bounding bytes bounds them.
  const rows = new CopyBinaryRows(pages, bounds.eventChars);
  const client = await pool.connect();
  let finished = false;
  try {
    const stream = client.query(copyTo(sql));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      rows.push(chunk);
      while (pages.done.length > 0) yield pages.done.shift()!;
    }
    rows.end();
    finished = true;
    pages.flush();
    while (pages.done.length > 0) yield pages.done.shift()!;
  } catch (error) {
    throw new Error(`reading events from PostgreSQL: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    // A caller that stopped early, or an error, leaves the COPY unfinished on this connection: it goes.
    client.release(!finished);
  }
}
