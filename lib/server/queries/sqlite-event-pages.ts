/**
 * One page of a source's events from SQLite as ONE text: a JSON array with an array per event
 * (source-event-columns.ts), parsed by the caller with one JSON.parse. better-sqlite3 handing
 * over 20 values per row cost more than the database's own work: 1M rows took 6.3-8.2 s that
 * way, and as JSON pages 2.2-2.6 s to build and 2.3-2.8 s to parse, the other fields' objects
 * included. Read on the app's connection or by the page worker (sqlite-page-worker.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SOURCE_EVENT_SELECT_LIST } from './source-event-columns';

/**
 * The attributes are stored as JSON object text: spliced in as they are, not parsed and
 * re-encoded by the database. The array's closing bracket is cut off to make room for them
 * (rtrim takes only that one: the text before it is the number `seq`). No ORDER BY in
 * group_concat: sorting the page's texts again tripled the database's time; the events come
 * joined in the subquery's order, and the caller checks (inRecordOrder in list-source-events.ts).
 */
const PAGE_SQL =
  `SELECT '[' || group_concat(rtrim(json_array(${SOURCE_EVENT_SELECT_LIST}), ']') || ',' || coalesce("attributes", 'null') || ']', ',') || ']', max("seq"), count(*) ` +
  `FROM (SELECT ${SOURCE_EVENT_SELECT_LIST}, "attributes" FROM "Event" WHERE "sourceId" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?) AS p`;

export interface SqlitePage {
  /** The JSON text of the page's events. */
  text: string;
  /** The page's last seq: where the next page starts after. */
  last: number;
  count: number;
}

type PageRow = [string | null, number | null, number];

const prepared = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[string, number, number], PageRow>>();

/** The events after seq `after`, at most `take`; null when there are none. */
export function readSqlitePage(connection: BetterSqlite3.Database, sourceId: string, after: number, take: number): SqlitePage | null {
  let statement = prepared.get(connection);
  if (!statement) {
    // The Prisma adapter turns on safe integers for its connection; seq and the count fit a double.
    statement = connection.prepare<[string, number, number], PageRow>(PAGE_SQL).raw(true).safeIntegers(false);
    prepared.set(connection, statement);
  }
  const [text, last, count] = statement.get(sourceId, after, take)!;
  return text === null || last === null ? null : { text, last, count };
}
