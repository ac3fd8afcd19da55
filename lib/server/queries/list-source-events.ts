/**
 * listSourceEvents: one source's events in record order, without their raw text, for the
 * analysis (lib/server/analysis/load-analysis-input.ts), read in keyset pages over the
 * (sourceId, seq) index so that memory per query stays bounded and no page re-scans the rows
 * before it (OFFSET would).
 *
 * An event comes as an array: SOURCE_EVENT_COLUMNS' values, then its other fields parsed
 * (toAnalysisEvent, in lib/server/analysis, makes it the analysis event). On SQLite a page comes
 * back as ONE text, a JSON array of those arrays, parsed with one JSON.parse: better-sqlite3
 * handing over 20 values per row cost more than the database's own work (1M rows: 6.3-8.2 s;
 * as JSON pages, 2.2-2.6 s to build and 2.3-2.8 s to parse, the other fields' objects
 * included). PostgreSQL gives rows as arrays (see postgresPage).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Db } from '../db/client';
import type { Dialect } from '../db/dialect';

/** Rows per query: large enough that round trips do not dominate, small enough to stay lean. */
export const SOURCE_EVENTS_PAGE = 20_000;

/**
 * The columns of an event's array, in order; after them comes the parsed `attributes` (an
 * object, or null when the column is null). `seq` is last so that the array's JSON text always
 * ends in a digit and `]` (see pageSql).
 */
export const SOURCE_EVENT_COLUMNS = [
  'service', 'level', 'name', 'status', 'message',
  'requestId', 'correlationId', 'traceId', 'spanId', 'parentSpanId', 'sessionId',
  'id', 'line', 'idx', 'ts', 'startTs', 'endTs', 'unparsed', 'seq',
] as const;

type Column = (typeof SOURCE_EVENT_COLUMNS)[number];
/** Position of each column in an event's array. */
export const AT = Object.fromEntries(SOURCE_EVENT_COLUMNS.map((c, i) => [c, i])) as { readonly [C in Column]: number };
/** Position of the parsed attributes in an event's array. */
export const ATTRIBUTES_AT = SOURCE_EVENT_COLUMNS.length;

/**
 * One event as the page gives it: SOURCE_EVENT_COLUMNS' values (strings, numbers, null;
 * `unparsed` is 0/1 on SQLite and a boolean on PostgreSQL), then the attributes.
 */
export type SourceEventArray = readonly unknown[];

const VALUES = SOURCE_EVENT_COLUMNS.map((c) => `"${c}"`).join(', ');

function pageSql(placeholder: Dialect['placeholder']): string {
  const [source, after, take] = [1, 2, 3].map(placeholder);
  return `SELECT ${VALUES}, "attributes" FROM "Event" WHERE "sourceId" = ${source} AND "seq" > ${after} ORDER BY "seq" LIMIT ${take}`;
}

/**
 * SQLite: the page as one JSON text. The attributes are stored as JSON object text: spliced in as
 * they are, not parsed and re-encoded by the database. The array's closing bracket is cut off to
 * make room for them (rtrim takes only that one: the text before it is the number `seq`). No
 * ORDER BY in group_concat: sorting the page's texts again tripled the database's time; the
 * events come joined in the subquery's order, and listSourceEvents checks (inRecordOrder).
 */
const SQLITE_PAGE_SQL =
  `SELECT '[' || group_concat(rtrim(json_array(${VALUES}), ']') || ',' || coalesce("attributes", 'null') || ']', ',') || ']' ` +
  `FROM (${pageSql(() => '?')}) AS p`;

const prepared = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[string, number, number], string | null>>();

function sqlitePage(connection: BetterSqlite3.Database, sourceId: string, after: number, take: number): SourceEventArray[] {
  let statement = prepared.get(connection);
  if (!statement) {
    statement = connection.prepare<[string, number, number], string | null>(SQLITE_PAGE_SQL).pluck(true);
    prepared.set(connection, statement);
  }
  const text = statement.get(sourceId, after, take) ?? null;
  if (text === null) return [];
  const events = JSON.parse(text) as SourceEventArray[];
  inRecordOrder(events);
  return events;
}

function parsedAttributes(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/**
 * PostgreSQL: rows as arrays, the attributes parsed here. The server building the page's JSON
 * as SQLite does took longer than this (1M events: 14-15 s against 8.5 s).
 */
async function postgresPage(pool: pg.Pool, dialect: Dialect, sourceId: string, after: number, take: number): Promise<SourceEventArray[]> {
  const result = await pool.query<unknown[]>({ text: pageSql(dialect.placeholder), values: [sourceId, after, take], rowMode: 'array' });
  for (const row of result.rows) row[ATTRIBUTES_AT] = parsedAttributes(row[ATTRIBUTES_AT] as string | null);
  return result.rows;
}

/** Without a driver of the engine's own (see client.ts), through Prisma. */
async function prismaPage(db: Db, sourceId: string, after: number, take: number): Promise<SourceEventArray[]> {
  const select = Object.fromEntries([...SOURCE_EVENT_COLUMNS, 'attributes'].map((c) => [c, true])) as Record<Column | 'attributes', true>;
  const rows = await db.prisma.event.findMany({ where: { sourceId, seq: { gt: after } }, select, orderBy: { seq: 'asc' }, take });
  return rows.map((row) => [...SOURCE_EVENT_COLUMNS.map((c) => row[c]), parsedAttributes(row.attributes)]);
}

function page(db: Db, sourceId: string, after: number, take: number): SourceEventArray[] | Promise<SourceEventArray[]> {
  const connection = db.sqliteConnection();
  if (connection) return sqlitePage(connection, sourceId, after, take);
  const pool = db.postgresPool();
  if (pool) return postgresPage(pool, db.dialect, sourceId, after, take);
  return prismaPage(db, sourceId, after, take);
}

const seqOf = (event: SourceEventArray): number => event[AT.seq] as number;

/** Sorts a page by seq unless the engine kept the subquery's order, as it does (joinTexts). */
export function inRecordOrder(events: SourceEventArray[]): void {
  for (let i = 1; i < events.length; i++) {
    if (seqOf(events[i]!) < seqOf(events[i - 1]!)) {
      events.sort((a, b) => seqOf(a) - seqOf(b));
      return;
    }
  }
}

/**
 * Yields pages of at most `pageSize` events, seq ascending; stops after `limit` events when given.
 * The next page is asked for before a page is yielded, so that PostgreSQL reads it while the
 * caller makes events of this one (SQLite's driver is synchronous: there it is read then).
 */
export async function* listSourceEvents(db: Db, sourceId: string, options: { pageSize?: number; limit?: number } = {}): AsyncGenerator<SourceEventArray[]> {
  const pageSize = options.pageSize ?? SOURCE_EVENTS_PAGE;
  let remaining = options.limit ?? Infinity;
  let take = Math.min(pageSize, remaining);
  let next: Promise<SourceEventArray[]> | null = Promise.resolve(page(db, sourceId, -1, take));
  try {
    while (next) {
      const events = await next;
      next = null;
      remaining -= events.length;
      if (events.length === take && remaining > 0) {
        const after = seqOf(events[events.length - 1]!);
        take = Math.min(pageSize, remaining);
        next = Promise.resolve(page(db, sourceId, after, take));
      }
      if (events.length > 0) yield events;
    }
  } finally {
    // A caller that stops early leaves the page read ahead unawaited: its failure is nobody's.
    next?.catch(() => {});
  }
}
