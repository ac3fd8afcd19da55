/**
 * One request's candidate events in one statement, on the engine's own driver: the events its
 * keys name in EventKey, with the exact column test. Through Prisma the same lookup was three
 * queries whose overhead, not the database, set the time (p50 0.5 ms, p99 3-8 ms at 1M events
 * on SQLite); this statement takes p50 0.06 ms, p99 0.15-0.5 ms there. SQLite runs it as a
 * prepared statement on the better-sqlite3 connection, PostgreSQL on a connection of the pg
 * pool (rows as arrays). Rows are mapped by hand (a test holds them equal to Prisma's on the
 * engine it runs on).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/client';
import type { Dialect } from '../db/dialect';
import { EVENT_SELECT, type SelectedEventRow } from './to-event-dto';

/**
 * EVENT_SELECT's columns, in the order its row arrays come back (better-sqlite3's `.raw()`, pg's
 * `rowMode: 'array'`). Rows are read as arrays and made into objects here: better-sqlite3
 * building a 25-key object per row in C++ took twice as long as this literal of a fixed shape.
 */
const COLUMNS = [
  'seq', 'line', 'idx', 'spanId', 'ts', 'startTs', 'endTs', 'service', 'level', 'name', 'status', 'message',
  'requestId', 'correlationId', 'traceId', 'parentSpanId', 'sessionId', 'attributes', 'unparsed', 'id',
  'incidentNumber', 'position', 'raw', 'rawOffset', 'rawLength',
] as const satisfies ReadonlyArray<keyof typeof EVENT_SELECT>;

/** One row as its driver gives it: values in column order. */
type RowArray = unknown[];

const SELECT_LIST = COLUMNS.map((c) => `e."${c}"`).join(', ');

function requestSql(dialect: Dialect, keyCount: number): string {
  const p = (n: number) => dialect.placeholder(n);
  const incident = p(1);
  const keys = Array.from({ length: keyCount }, (_, i) => p(i + 2)).join(', ');
  const [request, sameRequest, traceId, limit] = [keyCount + 2, keyCount + 3, keyCount + 4, keyCount + 5].map(p);
  // IN (subquery), not a join: an event found by two keys comes once, without a DISTINCT over
  // every column (the plan: the key index, then each event by its id).
  return (
    `SELECT ${SELECT_LIST} FROM "Event" e WHERE e."id" IN (SELECT "eventId" FROM "EventKey" WHERE "incidentNumber" = ${incident} AND "key" IN (${keys})) ` +
    `AND (e."requestId" = ${request} OR e."correlationId" = ${sameRequest} OR e."traceId" = ${traceId}) LIMIT ${limit}`
  );
}

const prepared = new WeakMap<BetterSqlite3.Database, Map<number, BetterSqlite3.Statement<unknown[], RowArray>>>();

function sqliteStatement(connection: BetterSqlite3.Database, dialect: Dialect, keyCount: number): BetterSqlite3.Statement<unknown[], RowArray> {
  let byCount = prepared.get(connection);
  if (!byCount) prepared.set(connection, (byCount = new Map()));
  let statement = byCount.get(keyCount);
  if (!statement) {
    // The Prisma adapter turns on safe integers for the connection; these integers fit a double.
    statement = connection.prepare<unknown[], RowArray>(requestSql(dialect, keyCount)).safeIntegers(false).raw(true);
    byCount.set(keyCount, statement);
  }
  return statement;
}

function eventRowOf(v: RowArray): SelectedEventRow {
  return {
    seq: v[0] as number,
    line: v[1] as number | null,
    idx: v[2] as number | null,
    spanId: v[3] as string | null,
    ts: v[4] as number | null,
    startTs: v[5] as number | null,
    endTs: v[6] as number | null,
    service: v[7] as string | null,
    level: v[8] as string | null,
    name: v[9] as string | null,
    status: v[10] as string | null,
    message: v[11] as string | null,
    requestId: v[12] as string | null,
    correlationId: v[13] as string | null,
    traceId: v[14] as string | null,
    parentSpanId: v[15] as string | null,
    sessionId: v[16] as string | null,
    attributes: v[17] as string | null,
    // SQLite has no boolean (0/1); PostgreSQL's driver gives one.
    unparsed: v[18] === 1 || v[18] === true,
    id: v[19] as number,
    incidentNumber: v[20] as number,
    position: v[21] as number,
    raw: v[22] as string | null,
    // As Prisma reads a BigInt column (a test holds the two paths equal).
    rawOffset: v[23] === null ? null : BigInt(v[23] as number | string),
    rawLength: v[24] as number | null,
  };
}

/**
 * The events holding `request` in their request, correlation or trace id column (`traceId`: the
 * request normalized as a trace id, or null), found through the incident's `keys`; at most
 * `limit + 1` rows, so a caller can tell "more than limit". Unordered. Null when the engine has no
 * driver of its own here (the caller asks Prisma).
 */
export async function requestRows(db: Db, incidentNumber: number, keys: string[], request: string, traceId: string | null, limit: number): Promise<SelectedEventRow[] | null> {
  const params = [incidentNumber, ...keys, request, request, traceId, limit + 1];
  const connection = db.sqliteConnection();
  if (connection) return sqliteStatement(connection, db.dialect, keys.length).all(...params).map(eventRowOf);
  const pool = db.postgresPool();
  if (!pool) return null;
  // Named: each pooled connection parses and plans it once. The name changes with the text (a
  // pool that outlives a code reload, as in `next dev`, refuses a name given another text).
  const result = await pool.query<RowArray>({ name: `witness-request-rows-by-incident-${keys.length}`, text: requestSql(db.dialect, keys.length), values: params, rowMode: 'array' });
  return result.rows.map(eventRowOf);
}
