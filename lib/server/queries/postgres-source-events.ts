/**
 * A source's events from PostgreSQL, for the analysis load (list-source-events.ts): ONE
 * `COPY (SELECT ...) TO STDOUT` of the source's rows in record order, in which the server
 * writes each row as the JSON text of the event's array (source-event-columns.ts), its
 * attributes spliced in as stored. The rows stream in binary format (copy-binary-rows.ts: a
 * length before each, no escapes to undo) into pages of about PAGE_TEXT_TARGET bytes, each
 * parsed with one JSON.parse, as SQLite's pages are (sqlite-event-pages.ts).
 *
 * Why: pg decoding rows (a Buffer slice and a string per value, 20 a row) and parsing each
 * event's attributes apart took most of the main thread's time. 1M stored events, three
 * alternated pairs in one hour: loaded in 3.8-4.4 s this way against 5.0-6.2 s in 5,000-row
 * pages of pg's arrays. The server's work moved to the other core: building the rows' JSON
 * takes it about 2.6 s (a bare COPY of the same columns 1.4 s), while this thread parses.
 *
 * The stream is read as it arrives: COPY pauses the server when this thread falls behind
 * (pg-copy-streams reads the socket only as its consumer does), so memory stays at a few pages.
 * The load holds one of the pool's connections for the whole source (about 4 s per 1M events),
 * where it took one per page before.
 */
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CopyBinaryRows } from '../db/copy-binary-rows';
import type { EventOwner } from '../db/event-row';
import { SOURCE_EVENT_COLUMN_KINDS, SOURCE_EVENT_COLUMNS, TEXT_COLUMNS, type PageBounds, type SourceEventArray, type SourceEventColumn } from './source-event-columns';
import { JsonRowPages } from './json-row-pages';

/**
 * A double's JSON text. `float8` prints the shortest text that reads back exactly (with
 * extra_float_digits >= 1, PostgreSQL's default since 12); the values JSON has no text for are
 * written as JSON.parse gives them back: +-1e999 is +-Infinity, and NaN is null (which the
 * load reads as NaN). CASE cost the server 0.07 s per 1M rows, to_json 0.2 s.
 */
const doubleJson = (c: string) =>
  `CASE WHEN "${c}" = 'Infinity' THEN '1e999' WHEN "${c}" = '-Infinity' THEN '-1e999' WHEN "${c}" = 'NaN' THEN 'null' ELSE coalesce("${c}"::text, 'null') END`;

// A layout keeps SOURCE_EVENT_COLUMNS' order, so its text columns come first when these do.
if (SOURCE_EVENT_COLUMNS.some((c, i) => SOURCE_EVENT_COLUMN_KINDS[c] === 'text' && i >= TEXT_COLUMNS.length)) {
  throw new Error('postgres-source-events.ts: the text columns must come first in SOURCE_EVENT_COLUMNS');
}

const valueJson = (c: SourceEventColumn): string => {
  const kind = SOURCE_EVENT_COLUMN_KINDS[c];
  if (kind === 'double') return doubleJson(c);
  if (kind === 'boolean') return `"${c}"::int::text`;
  return `coalesce("${c}"::text, 'null')`;
};

/**
 * One event's JSON text, column for column as `columns` (its source's layout:
 * source-event-columns.ts) lists them, then its attributes as stored. The leading text columns
 * are ONE array_to_json (its closing bracket cut off), the others their own text joined to it:
 * 2.6 s of the server's time for 1M rows, against 3.3 s for json_build_array of every column.
 */
function eventJsonSql(columns: readonly SourceEventColumn[]): string {
  const texts = columns.filter((c) => SOURCE_EVENT_COLUMN_KINDS[c] === 'text');
  const parts = columns.slice(texts.length).map(valueJson);
  if (texts.length > 0) parts.unshift(`left(array_to_json(ARRAY[${texts.map((c) => `"${c}"`).join(', ')}])::text, -1)`);
  // No text column filled (a source of unparsed lines): the array starts with the numbers, which every layout holds.
  else parts[0] = `'[' || ${parts[0]}`;
  parts.push(`coalesce("attributes", 'null') || ']'`);
  return parts.join(` || ',' || `);
}

export interface PostgresSourceEventsOptions {
  /** Events a page holds at most. */
  pageSize: number;
  /** Events to read at most (Infinity: all). */
  limit: number;
  bounds: PageBounds;
}

/**
 * The source's events in record order as arrays of `columns`, in pages of at most `pageSize`
 * (fewer when they are big).
 */
export async function* postgresSourceEvents(
  pool: pg.Pool,
  owner: EventOwner,
  columns: readonly SourceEventColumn[],
  options: PostgresSourceEventsOptions,
): AsyncGenerator<SourceEventArray[]> {
  const { pageSize, limit, bounds } = options;
  // Integers written into the statement: COPY takes no parameters.
  for (const value of [owner.incidentNumber, owner.position]) if (!Number.isSafeInteger(value)) throw new Error(`not an event owner: ${owner.incidentNumber}/${owner.position}`);
  const where = `"incidentNumber" = ${owner.incidentNumber} AND "position" = ${owner.position}`;
  const bound = Number.isFinite(limit) ? ` LIMIT ${Math.max(0, Math.trunc(limit))}` : '';
  const sql = `COPY (SELECT ${eventJsonSql(columns)} FROM "Event" WHERE ${where} ORDER BY "seq"${bound}) TO STDOUT (FORMAT binary)`;
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
