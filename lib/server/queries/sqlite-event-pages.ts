/**
 * One page of a source's events from SQLite as ONE text: a JSON array with an array per event
 * (source-event-columns.ts), parsed by the caller with one JSON.parse. better-sqlite3 handing
 * over 20 values per row cost more than the database's own work: 1M rows took 6.3-8.2 s that
 * way, and as JSON pages 2.2-2.6 s to build and 2.3-2.8 s to parse, the other fields' objects
 * included. Read on the app's connection or by the page worker (sqlite-page-worker.ts).
 *
 * A page's text is bounded (PAGE_BOUNDS): the statement adds up an upper bound of each event's
 * JSON length (EVENT_CHARS_SQL) and builds no text when the page would pass the bound; the page
 * is then asked for again with fewer events. This cost the database about 8% more (1M events
 * in pages of 5,000: 5.5-5.8 against 5.0-5.4 s, on the worker, which waits for the parsing
 * anyway).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { EventOwner } from '../db/event-row';
import { EVENT_CHARS_SQL, PAGE_BOUNDS, PAGE_TEXT_TARGET, selectList, type PageBounds, type SourceEventColumn } from './source-event-columns';

/**
 * The page of `columns` (a source's layout, source-event-columns.ts). The attributes are stored
 * as JSON object text: spliced in as they are, not parsed and re-encoded by the database. The
 * array's closing bracket is cut off to make room for them (rtrim takes only that one: the text
 * before it is the number `seq`). No ORDER BY in group_concat: sorting the page's texts again
 * tripled the database's time; the events come joined in the subquery's order, and the caller
 * checks (inRecordOrder in sqlite-source-events.ts).
 */
const pageSql = (columns: readonly SourceEventColumn[]) =>
  `SELECT CASE WHEN sum("chars") <= ? THEN '[' || group_concat(rtrim(json_array(${selectList(columns)}), ']') || ',' || coalesce("attributes", 'null') || ']', ',') || ']' END, ` +
  `max("seq"), count(*), sum("chars") ` +
  `FROM (SELECT ${selectList(columns)}, "attributes", ${EVENT_CHARS_SQL} AS "chars" FROM "Event" WHERE "incidentNumber" = ? AND "position" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?) AS p`;

/** Events asked for before a page tells how big they are: about PAGE_TEXT_TARGET of such lines. */
const FIRST_PAGE_EVENTS = 256;

export interface SqlitePage {
  /** The JSON text of the page's events. */
  text: string;
  /** The page's last seq: where the next page starts after. */
  last: number;
  count: number;
  /** No events follow this page. */
  end: boolean;
}

type PageRow = [string | null, number | null, number, number | null];

type PageStatement = BetterSqlite3.Statement<[number, number, number, number, number], PageRow>;

/** Per connection, the page statement of each layout's columns (joined by commas). */
const prepared = new WeakMap<BetterSqlite3.Database, Map<string, PageStatement>>();

function pageStatement(connection: BetterSqlite3.Database, columns: readonly SourceEventColumn[]): PageStatement {
  let statements = prepared.get(connection);
  if (!statements) prepared.set(connection, (statements = new Map()));
  const key = columns.join();
  let statement = statements.get(key);
  if (!statement) {
    // The Prisma adapter turns on safe integers for its connection; seq, counts and lengths fit a double.
    statement = connection.prepare<[number, number, number, number, number], PageRow>(pageSql(columns)).raw(true).safeIntegers(false);
    statements.set(key, statement);
  }
  return statement;
}

/**
 * The events after seq `after`, at most `take` (fewer when they are big), as arrays of
 * `columns`; null when there are none.
 */
export function readSqlitePage(
  connection: BetterSqlite3.Database,
  owner: EventOwner,
  columns: readonly SourceEventColumn[],
  after: number,
  take: number,
  bounds: PageBounds = PAGE_BOUNDS,
): SqlitePage | null {
  const statement = pageStatement(connection, columns);
  for (let limit = take; ; ) {
    const [text, last, count, chars] = statement.get(limit === 1 ? bounds.eventChars : bounds.pageChars, owner.incidentNumber, owner.position, after, limit)!;
    if (count === 0 || last === null) return null;
    if (text !== null) return { text, last, count, end: count < limit };
    if (limit === 1) throw new Error(`record ${last} of this source is too large to analyze (up to ${chars} characters as JSON)`);
    // As many as fit if they were all as big as these, at least one fewer.
    limit = Math.max(1, Math.min(limit - 1, Math.floor((limit * bounds.pageChars) / (chars ?? 1))));
  }
}

const AFTER_SQL = `SELECT 1 FROM "Event" WHERE "incidentNumber" = ? AND "position" = ? AND "seq" > ? LIMIT 1`;
const preparedAfter = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[number, number, number], unknown>>();

/** Whether the source has events after seq `after`: one step of the (incidentNumber, position, seq) index. */
export function hasEventsAfter(connection: BetterSqlite3.Database, owner: EventOwner, after: number): boolean {
  let statement = preparedAfter.get(connection);
  if (!statement) {
    statement = connection.prepare<[number, number, number], unknown>(AFTER_SQL).raw(true);
    preparedAfter.set(connection, statement);
  }
  return statement.get(owner.incidentNumber, owner.position, after) !== undefined;
}

/** What sizes the next page: the last page's event count and text length. */
export interface PageSize {
  count: number;
  chars: number;
}

export const sizeOf = (page: SqlitePage): PageSize => ({ count: page.count, chars: page.text.length });

/**
 * Events to ask for after a page of `last`'s size (null: none read yet): as many as make about
 * PAGE_TEXT_TARGET characters if they are as big as that page's, from 1 to `pageSize`.
 */
export function nextPageTake(last: PageSize | null, pageSize: number): number {
  if (last === null) return Math.min(pageSize, FIRST_PAGE_EVENTS);
  return Math.max(1, Math.min(pageSize, Math.floor((last.count * PAGE_TEXT_TARGET) / Math.max(1, last.chars))));
}

/**
 * The pages after seq `after`, `limit` events in all: each sized by nextPageTake from the one
 * before (`previous`: the size of the page read before these, when there is one), `pageSize`
 * events at most.
 */
export function* readSqlitePages(
  connection: BetterSqlite3.Database,
  owner: EventOwner,
  columns: readonly SourceEventColumn[],
  after: number,
  pageSize: number,
  limit: number,
  bounds: PageBounds,
  previous: PageSize | null = null,
): Generator<SqlitePage> {
  while (limit > 0) {
    const page = readSqlitePage(connection, owner, columns, after, Math.min(nextPageTake(previous, pageSize), limit), bounds);
    if (page === null) return;
    yield page;
    if (page.end) return;
    after = page.last;
    limit -= page.count;
    previous = sizeOf(page);
  }
}
