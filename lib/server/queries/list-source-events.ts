/**
 * listSourceEvents: one source's events in record order, without their raw text, for the
 * analysis (lib/server/analysis/load-analysis-input.ts), read in keyset pages over the
 * (sourceId, seq) index so that memory per query stays bounded and no page re-scans the rows
 * before it (OFFSET would).
 *
 * An event comes as an array (source-event-columns.ts), which toAnalysisEvent (in
 * lib/server/analysis) makes the analysis event: no row object in between, for a million rows.
 * SQLite gives each page as one JSON text, read by a worker thread while this one parses
 * (sqlite-source-events.ts); PostgreSQL gives rows as arrays.
 */
import type pg from 'pg';
import type { Db } from '../db/client';
import type { Dialect } from '../db/dialect';
import { AT, ATTRIBUTES_AT, SOURCE_EVENT_COLUMNS, SOURCE_EVENT_SELECT_LIST, type SourceEventArray, type SourceEventColumn } from './source-event-columns';
import { sqliteSourceEvents } from './sqlite-source-events';

/**
 * Rows per query: large enough that round trips do not dominate, small enough that a page's
 * arrays die young. With 20,000 they outlived the young generation and the old one filled with
 * them: loading and analyzing 1M events peaked at 1,158-1,318 MB RSS, with 5,000 at 951-1,026 MB,
 * in the same or less time, on both engines (2,000 and 10,000 were no better).
 */
export const SOURCE_EVENTS_PAGE = 5_000;

export interface ListSourceEventsOptions {
  pageSize?: number;
  /** Events to read at most. */
  limit?: number;
  /** SQLite: false reads every page on this thread (tests comparing both paths). */
  worker?: boolean;
}

function parsedAttributes(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/**
 * PostgreSQL: rows as arrays, the attributes parsed here. The server building the page's JSON
 * as SQLite does took longer than this (1M events: 14-15 s against 8.5 s).
 */
async function postgresPage(pool: pg.Pool, dialect: Dialect, sourceId: string, after: number, take: number): Promise<SourceEventArray[]> {
  const [source, from, limit] = [1, 2, 3].map(dialect.placeholder);
  const text = `SELECT ${SOURCE_EVENT_SELECT_LIST}, "attributes" FROM "Event" WHERE "sourceId" = ${source} AND "seq" > ${from} ORDER BY "seq" LIMIT ${limit}`;
  const result = await pool.query<unknown[]>({ text, values: [sourceId, after, take], rowMode: 'array' });
  for (const row of result.rows) row[ATTRIBUTES_AT] = parsedAttributes(row[ATTRIBUTES_AT] as string | null);
  return result.rows;
}

/** Without a driver of the engine's own (see client.ts), through Prisma. */
async function prismaPage(db: Db, sourceId: string, after: number, take: number): Promise<SourceEventArray[]> {
  const select = Object.fromEntries([...SOURCE_EVENT_COLUMNS, 'attributes'].map((c) => [c, true])) as Record<SourceEventColumn | 'attributes', true>;
  const rows = await db.prisma.event.findMany({ where: { sourceId, seq: { gt: after } }, select, orderBy: { seq: 'asc' }, take });
  return rows.map((row) => [...SOURCE_EVENT_COLUMNS.map((c) => row[c]), parsedAttributes(row.attributes)]);
}

/**
 * Yields pages of at most `pageSize` events, seq ascending; stops after `limit` events when given.
 * Off SQLite the next page is asked for before a page is yielded, so that PostgreSQL reads it
 * while the caller makes events of this one.
 */
export async function* listSourceEvents(db: Db, sourceId: string, options: ListSourceEventsOptions = {}): AsyncGenerator<SourceEventArray[]> {
  const pageSize = options.pageSize ?? SOURCE_EVENTS_PAGE;
  let remaining = options.limit ?? Infinity;
  const connection = db.sqliteConnection();
  if (connection) {
    yield* sqliteSourceEvents(connection, sourceId, { pageSize, limit: remaining, worker: options.worker });
    return;
  }
  const pool = db.postgresPool();
  const page = (after: number, take: number) => (pool ? postgresPage(pool, db.dialect, sourceId, after, take) : prismaPage(db, sourceId, after, take));
  let take = Math.min(pageSize, remaining);
  let next: Promise<SourceEventArray[]> | null = page(-1, take);
  try {
    while (next) {
      const events = await next;
      next = null;
      remaining -= events.length;
      if (events.length === take && remaining > 0) {
        take = Math.min(pageSize, remaining);
        next = page(events[events.length - 1]![AT.seq] as number, take);
      }
      if (events.length > 0) yield events;
    }
  } finally {
    // A caller that stops early leaves the page read ahead unawaited: its failure is nobody's.
    next?.catch(() => {});
  }
}
