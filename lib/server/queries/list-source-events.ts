/**
 * listSourceEvents: one source's events in record order, without their raw text, for the
 * analysis (lib/server/analysis/load-analysis-input.ts), in pages, so that memory stays bounded.
 *
 * An event comes as an array in its source's layout (source-event-columns.ts: the columns some
 * event of the source fills), which pushStoredEvent (in lib/server/analysis) writes into the
 * analysis's columns: no row object in between, for a million rows. Each engine's driver gives
 * pages as JSON texts, parsed with one JSON.parse a page: SQLite in keyset pages over the
 * (incidentNumber, position, seq) index, read by a worker thread while this one parses
 * (sqlite-source-events.ts); PostgreSQL as one COPY of the source whose rows the server writes
 * as JSON (postgres-source-events.ts).
 */
import type { Db } from '../db/client';
import { incidentNumber } from '../db/incident-number';
import type { EventOwner } from '../db/event-row';
import {
  FULL_LAYOUT,
  PAGE_BOUNDS,
  parseFilledColumns,
  SOURCE_EVENT_COLUMNS,
  sourceEventLayout,
  type PageBounds,
  type SourceEventArray,
  type SourceEventColumn,
  type SourceEventLayout,
} from './source-event-columns';
import { postgresSourceEvents } from './postgres-source-events';
import { sqliteSourceEvents } from './sqlite-source-events';

/**
 * The most events a page holds: pages are sized by their text (about PAGE_TEXT_TARGET,
 * sqlite-event-pages.ts), since a page's text of 5,000 events was parsed straight into the old
 * generation. Before that, pages of 20,000 rows outlived the young generation: loading and
 * analyzing 1M events peaked at 1,158-1,318 MB RSS, with 5,000 at 951-1,026 MB, in the same or
 * less time (2,000 and 10,000 were no better). On SQLite it is also how many events are read
 * before a worker starts.
 */
export const SOURCE_EVENTS_PAGE = 5_000;

export interface ListSourceEventsOptions {
  pageSize?: number;
  /** Events to read at most. */
  limit?: number;
  /** SQLite: false reads every page on this thread (tests comparing both paths). */
  worker?: boolean;
  /** How long a page's or an event's text may be (PAGE_BOUNDS; tests make it small). */
  bounds?: PageBounds;
}

/** A page of a source's events: arrays in the source's layout, the same for all its pages. */
export interface SourceEventPage {
  layout: SourceEventLayout;
  events: SourceEventArray[];
}

/** A page of Prisma's rows (every column), and whether any follow it. */
interface PrismaPage {
  events: SourceEventArray[];
  end: boolean;
}

function parsedAttributes(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/** Without a driver of the engine's own (see client.ts), through Prisma. */
async function prismaPage(db: Db, owner: EventOwner, after: number, take: number): Promise<PrismaPage> {
  const select = Object.fromEntries([...SOURCE_EVENT_COLUMNS, 'attributes'].map((c) => [c, true])) as Record<SourceEventColumn | 'attributes', true>;
  const rows = await db.prisma.event.findMany({ where: { incidentNumber: owner.incidentNumber, position: owner.position, seq: { gt: after } }, select, orderBy: { seq: 'asc' }, take });
  return { events: rows.map((row) => [...SOURCE_EVENT_COLUMNS.map((c) => row[c]), parsedAttributes(row.attributes)]), end: rows.length < take };
}

/**
 * Yields pages of at most `pageSize` events, seq ascending; stops after `limit` events when given.
 * Through Prisma the next page is asked for before a page is yielded, so that the database reads
 * it while the caller makes events of this one.
 */
export async function* listSourceEvents(db: Db, sourceId: string, options: ListSourceEventsOptions = {}): AsyncGenerator<SourceEventPage> {
  const pageSize = options.pageSize ?? SOURCE_EVENTS_PAGE;
  const bounds = options.bounds ?? PAGE_BOUNDS;
  let remaining = options.limit ?? Infinity;
  // The owner and the layout read together (as eventOwner reads the owner).
  const source = await db.prisma.source.findUnique({ where: { id: sourceId }, select: { incidentId: true, position: true, filledColumns: true } });
  const number = source === null ? null : await incidentNumber(db.prisma, source.incidentId);
  if (source === null || number === null) return;
  const owner: EventOwner = { incidentNumber: number, position: source.position };
  const connection = db.sqliteConnection();
  const pool = connection ? null : db.postgresPool();
  if (connection || pool) {
    // Through Prisma (below) every column is read: FULL_LAYOUT.
    const layout = sourceEventLayout(parseFilledColumns(source.filledColumns));
    const pages = connection
      ? sqliteSourceEvents(connection, owner, layout.columns, { pageSize, limit: remaining, worker: options.worker, bounds })
      : postgresSourceEvents(pool!, owner, layout.columns, { pageSize, limit: remaining, bounds });
    for await (const events of pages) yield { layout, events };
    return;
  }
  const page = (after: number, take: number) => prismaPage(db, owner, after, take);
  let next: Promise<PrismaPage> | null = page(-1, Math.min(pageSize, remaining));
  try {
    while (next) {
      const { events, end } = await next;
      next = null;
      remaining -= events.length;
      if (!end && events.length > 0 && remaining > 0) next = page(events[events.length - 1]![FULL_LAYOUT.at.seq] as number, Math.min(pageSize, remaining));
      if (events.length > 0) yield { layout: FULL_LAYOUT, events };
    }
  } finally {
    // A caller that stops early leaves the page read ahead unawaited: its failure is nobody's.
    next?.catch(() => {});
  }
}
