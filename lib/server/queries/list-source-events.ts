/**
 * listSourceEvents: one source's events in record order, without their raw text, for the
 * analysis (lib/server/analysis/load-analysis-input.ts), read in keyset pages over the
 * (incidentNumber, position, seq) index so that memory per query stays bounded and no page
 * re-scans the rows before it (OFFSET would).
 *
 * An event comes as an array (source-event-columns.ts), which pushStoredEvent (in
 * lib/server/analysis) writes into the analysis's columns: no row object in between, for a
 * million rows.
 * SQLite gives each page as one JSON text, read by a worker thread while this one parses
 * (sqlite-source-events.ts); PostgreSQL gives rows as arrays.
 */
import type pg from 'pg';
import type { Db } from '../db/client';
import type { Dialect } from '../db/dialect';
import { eventOwner } from '../db/event-owner';
import type { EventOwner } from '../db/event-row';
import {
  AT,
  ATTRIBUTES_AT,
  PAGE_BOUNDS,
  SOURCE_EVENT_COLUMNS,
  SOURCE_EVENT_SELECT_LIST,
  type PageBounds,
  type SourceEventArray,
  type SourceEventColumn,
} from './source-event-columns';
import { sqliteSourceEvents } from './sqlite-source-events';

/**
 * Rows per query on PostgreSQL: large enough that round trips do not dominate, small enough that
 * a page's arrays die young. With 20,000 they outlived the young generation and the old one
 * filled with them: loading and analyzing 1M events peaked at 1,158-1,318 MB RSS, with 5,000 at
 * 951-1,026 MB, in the same or less time, on both engines (2,000 and 10,000 were no better). On
 * SQLite this is the most a page holds, and how many events are read before a worker starts:
 * its pages are sized by their text (PAGE_TEXT_TARGET, sqlite-event-pages.ts), since a page's
 * text of 5,000 events was parsed straight into the old generation.
 */
export const SOURCE_EVENTS_PAGE = 5_000;

export interface ListSourceEventsOptions {
  pageSize?: number;
  /** Events to read at most. */
  limit?: number;
  /** SQLite: false reads every page on this thread (tests comparing both paths). */
  worker?: boolean;
  /** SQLite: how long a page's text may be (PAGE_BOUNDS; tests make it small). */
  bounds?: PageBounds;
}

/** A page of events, and whether any follow it. */
interface Page {
  events: SourceEventArray[];
  end: boolean;
}

function parsedAttributes(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/**
 * PostgreSQL: rows as arrays, the attributes parsed here. The server building the page's JSON
 * as SQLite does took longer than this (1M events: 14-15 s against 8.5 s). pg holds a page's
 * rows at once; bounding a page's size as SQLite does (a running sum in a window) made the load
 * of 1M events 35% slower (6.3-6.4 -> 8.5-8.6 s), so a page is bounded by its count alone.
 */
async function postgresPage(pool: pg.Pool, dialect: Dialect, owner: EventOwner, after: number, take: number): Promise<Page> {
  const [incident, position, from, limit] = [1, 2, 3, 4].map(dialect.placeholder);
  const text = `SELECT ${SOURCE_EVENT_SELECT_LIST}, "attributes" FROM "Event" WHERE "incidentNumber" = ${incident} AND "position" = ${position} AND "seq" > ${from} ORDER BY "seq" LIMIT ${limit}`;
  const result = await pool.query<unknown[]>({ text, values: [owner.incidentNumber, owner.position, after, take], rowMode: 'array' });
  for (const row of result.rows) row[ATTRIBUTES_AT] = parsedAttributes(row[ATTRIBUTES_AT] as string | null);
  return { events: result.rows, end: result.rows.length < take };
}

/** Without a driver of the engine's own (see client.ts), through Prisma. */
async function prismaPage(db: Db, owner: EventOwner, after: number, take: number): Promise<Page> {
  const select = Object.fromEntries([...SOURCE_EVENT_COLUMNS, 'attributes'].map((c) => [c, true])) as Record<SourceEventColumn | 'attributes', true>;
  const rows = await db.prisma.event.findMany({ where: { incidentNumber: owner.incidentNumber, position: owner.position, seq: { gt: after } }, select, orderBy: { seq: 'asc' }, take });
  return { events: rows.map((row) => [...SOURCE_EVENT_COLUMNS.map((c) => row[c]), parsedAttributes(row.attributes)]), end: rows.length < take };
}

/**
 * Yields pages of at most `pageSize` events, seq ascending; stops after `limit` events when given.
 * Off SQLite the next page is asked for before a page is yielded, so that PostgreSQL reads it
 * while the caller makes events of this one.
 */
export async function* listSourceEvents(db: Db, sourceId: string, options: ListSourceEventsOptions = {}): AsyncGenerator<SourceEventArray[]> {
  const pageSize = options.pageSize ?? SOURCE_EVENTS_PAGE;
  const bounds = options.bounds ?? PAGE_BOUNDS;
  let remaining = options.limit ?? Infinity;
  const owner = await eventOwner(db.prisma, sourceId);
  if (owner === null) return;
  const connection = db.sqliteConnection();
  if (connection) {
    yield* sqliteSourceEvents(connection, owner, { pageSize, limit: remaining, worker: options.worker, bounds });
    return;
  }
  const pool = db.postgresPool();
  const page = (after: number, take: number) => (pool ? postgresPage(pool, db.dialect, owner, after, take) : prismaPage(db, owner, after, take));
  let next: Promise<Page> | null = page(-1, Math.min(pageSize, remaining));
  try {
    while (next) {
      const { events, end } = await next;
      next = null;
      remaining -= events.length;
      if (!end && events.length > 0 && remaining > 0) next = page(events[events.length - 1]![AT.seq] as number, Math.min(pageSize, remaining));
      if (events.length > 0) yield events;
    }
  } finally {
    // A caller that stops early leaves the page read ahead unawaited: its failure is nobody's.
    next?.catch(() => {});
  }
}
