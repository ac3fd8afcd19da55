/**
 * listSourceEvents: one source's events in record order, without their raw text, read in
 * keyset pages over the (sourceId, seq) index so that memory per query stays bounded and no
 * page re-scans the rows before it (OFFSET would). Rows come back as stored: the caller turns
 * them into analysis events (lib/server/analysis/load-analysis-input.ts).
 *
 * On SQLite the pages are read by one prepared statement on the better-sqlite3 connection
 * (as bulk-insert.ts writes them), about twice as fast as Prisma's findMany (200,000 events:
 * 0.9 s instead of 2 s), so loading a million events stays in the range of analyzing them.
 * The SQL is plain and the same for every engine; PostgreSQL reads through Prisma.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/client';
import { STORED_EVENT_SELECT, type StoredEventRow } from './stored-event';

/** Rows per query: large enough that round trips do not dominate, small enough to stay lean. */
export const SOURCE_EVENTS_PAGE = 20_000;

/** The stored record plus its database id, which the investigation API names events by. */
export const ANALYSIS_EVENT_SELECT = { ...STORED_EVENT_SELECT, id: true } as const;
export type AnalysisEventRow = StoredEventRow & { id: number };

type SqliteRow = Omit<AnalysisEventRow, 'unparsed'> & { unparsed: number };

const COLUMNS = Object.keys(ANALYSIS_EVENT_SELECT)
  .map((c) => `"${c}"`)
  .join(', ');
const PAGE_SQL = `SELECT ${COLUMNS} FROM "Event" WHERE "sourceId" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`;
const prepared = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[string, number, number], SqliteRow>>();

function sqlitePage(connection: BetterSqlite3.Database, sourceId: string, after: number, take: number): AnalysisEventRow[] {
  let statement = prepared.get(connection);
  if (!statement) {
    // The Prisma adapter turns on safe integers for the connection; id, seq, line and idx fit a double.
    statement = connection.prepare<[string, number, number], SqliteRow>(PAGE_SQL).safeIntegers(false);
    prepared.set(connection, statement);
  }
  const rows = statement.all(sourceId, after, take) as unknown as AnalysisEventRow[];
  // SQLite has no boolean: turn the 0/1 into one in place rather than copying every row.
  for (const row of rows) row.unparsed = (row.unparsed as unknown as number) === 1;
  return rows;
}

async function page(db: Db, sourceId: string, after: number, take: number): Promise<AnalysisEventRow[]> {
  const connection = db.sqliteConnection();
  if (connection) return sqlitePage(connection, sourceId, after, take);
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
