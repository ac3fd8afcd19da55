/**
 * listSourceEvents: one source's events in record order, without their raw text, read in
 * keyset pages over the (sourceId, seq) index so that memory per query stays bounded and no
 * page re-scans the rows before it (OFFSET would). Rows come back as stored: the caller turns
 * them into analysis events (lib/server/analysis/load-analysis-input.ts).
 *
 * The pages are read by one plain statement on the engine's own driver: a prepared statement on
 * the better-sqlite3 connection (as bulk-insert.ts writes them), about twice as fast as Prisma's
 * findMany (200,000 events: 0.9 s instead of 2 s), or a query on the pg pool with rows as arrays
 * (1M events loaded for the first investigation: 28 s through Prisma). Either way the rows are
 * mapped by hand (rowOf), so loading a million events stays in the range of analyzing them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/client';
import type { Dialect } from '../db/dialect';
import { STORED_EVENT_SELECT, type StoredEventRow } from './stored-event';

/** Rows per query: large enough that round trips do not dominate, small enough to stay lean. */
export const SOURCE_EVENTS_PAGE = 20_000;

/** The stored record plus its database id, which the investigation API names events by. */
export const ANALYSIS_EVENT_SELECT = { ...STORED_EVENT_SELECT, id: true } as const;
export type AnalysisEventRow = StoredEventRow & { id: number };

/**
 * A page's columns, in the order its row arrays come back (better-sqlite3's `.raw()`, pg's
 * `rowMode: 'array'`). Rows are read as arrays and made into objects here: better-sqlite3
 * building a 20-key object per row in C++ took twice as long as this literal of a fixed shape
 * (400,000 rows: 2.9 s vs 1.45 s).
 */
export const ANALYSIS_ROW_COLUMNS = [
  'seq', 'line', 'idx', 'spanId', 'ts', 'startTs', 'endTs', 'service', 'level', 'name', 'status', 'message',
  'requestId', 'correlationId', 'traceId', 'parentSpanId', 'sessionId', 'attributes', 'unparsed', 'id',
] as const satisfies ReadonlyArray<keyof typeof ANALYSIS_EVENT_SELECT>;

/** One row as its driver gives it: values in column order. */
export type RowArray = unknown[];

/** One row array of ANALYSIS_ROW_COLUMNS (then anything after them) as the row Prisma would give. */
export function rowOf(v: RowArray): AnalysisEventRow {
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
  };
}

function pageSql(dialect: Dialect): string {
  const [source, after, take] = [1, 2, 3].map((n) => dialect.placeholder(n));
  return `SELECT ${ANALYSIS_ROW_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "Event" WHERE "sourceId" = ${source} AND "seq" > ${after} ORDER BY "seq" LIMIT ${take}`;
}
const prepared = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[string, number, number], RowArray>>();

function sqlitePage(connection: BetterSqlite3.Database, dialect: Dialect, sourceId: string, after: number, take: number): AnalysisEventRow[] {
  let statement = prepared.get(connection);
  if (!statement) {
    // The Prisma adapter turns on safe integers for the connection; id, seq, line and idx fit a double.
    statement = connection.prepare<[string, number, number], RowArray>(pageSql(dialect)).safeIntegers(false).raw(true);
    prepared.set(connection, statement);
  }
  const values = statement.all(sourceId, after, take);
  const rows = new Array<AnalysisEventRow>(values.length);
  for (let i = 0; i < values.length; i++) rows[i] = rowOf(values[i]!);
  return rows;
}

async function page(db: Db, sourceId: string, after: number, take: number): Promise<AnalysisEventRow[]> {
  const connection = db.sqliteConnection();
  if (connection) return sqlitePage(connection, db.dialect, sourceId, after, take);
  const pool = db.postgresPool();
  if (pool) {
    const result = await pool.query<RowArray>({ text: pageSql(db.dialect), values: [sourceId, after, take], rowMode: 'array' });
    return result.rows.map(rowOf);
  }
  return db.prisma.event.findMany({ where: { sourceId, seq: { gt: after } }, select: ANALYSIS_EVENT_SELECT, orderBy: { seq: 'asc' }, take });
}

/** Yields pages of at most `pageSize` rows, seq ascending; stops after `limit` rows when given. */
export async function* listSourceEvents(db: Db, sourceId: string, options: { pageSize?: number; limit?: number } = {}): AsyncGenerator<AnalysisEventRow[]> {
  const pageSize = options.pageSize ?? SOURCE_EVENTS_PAGE;
  let remaining = options.limit ?? Infinity;
  let after = -1;
  while (remaining > 0) {
    const take = Math.min(pageSize, remaining);
    const rows = await page(db, sourceId, after, take);
    if (rows.length === 0) return;
    yield rows;
    remaining -= rows.length;
    if (rows.length < take) return;
    after = rows[rows.length - 1]!.seq;
  }
}
