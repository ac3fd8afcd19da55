/**
 * A source's events from SQLite, page by page (list-source-events.ts): the pages of the first
 * `pageSize` events on this thread, the rest from a worker thread (sqlite-page-worker.ts) that
 * builds each page's JSON text on a connection of its own while this thread parses the one
 * before. better-sqlite3 is synchronous, so on one thread the two waited for each other: 1M
 * events took 9.0-9.1 s to load that way and 7.8-8.2 s with the worker, in the same hour (the
 * database's part hidden behind the parsing). The event loop also stays free while the worker
 * reads.
 *
 * - A source of at most `pageSize` events never starts a worker; nor does an in-memory
 *   database, which another connection cannot open.
 * - Backpressure: the worker may run PAGE_CREDITS pages ahead.
 * - Where the worker cannot start (its script cannot be loaded: an unusual bundle), the pages are
 *   read on this thread, with a warning: slower, never different.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { EventOwner } from '../db/event-row';
import { workerFromSource } from '../source-worker';
import { watchWorker, workerMessages } from '../worker-messages';
import type { PageBounds, SourceEventArray, SourceEventColumn } from './source-event-columns';
import { hasEventsAfter, readSqlitePages, sizeOf, type SqlitePage } from './sqlite-event-pages';
import type { PageWorkerJob, PageWorkerMessage } from './sqlite-page-worker';

/**
 * Pages the worker may read ahead of the parsing. Pages are small (about PAGE_TEXT_TARGET
 * characters, sqlite-event-pages.ts), so it takes several to keep the worker ahead: with two,
 * the main thread was idle 1.3 s of a 1M-event load and analysis, 0.6 s with eight (profiled).
 * The text held ahead is bounded by PAGE_CREDITS x PAGE_BOUNDS.pageChars (a page of events
 * that are big alone is bounded by their size).
 */
const PAGE_CREDITS = 8;

let warnedInline = false;

export interface SqliteSourceEventsOptions {
  pageSize: number;
  /** Events to read at most (Infinity: all). */
  limit: number;
  /** false: read every page on this thread (tests comparing both paths). */
  worker?: boolean;
  bounds: PageBounds;
}

function startPageWorker(): Worker {
  // Inside Next (NEXT_RUNTIME is set), this module is bundled and so is the worker entry below.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./sqlite-page-worker.ts', import.meta.url));
  return workerFromSource(new URL('./sqlite-page-worker.ts', import.meta.url));
}

/**
 * Sorts a page by seq unless SQLite kept the subquery's order, as it does (sqlite-event-pages.ts).
 * `seq` is the last column of every layout.
 */
export function inRecordOrder(events: SourceEventArray[], columns: readonly SourceEventColumn[]): SourceEventArray[] {
  const seqAt = columns.indexOf('seq');
  const seqOf = (event: SourceEventArray) => event[seqAt] as number;
  for (let i = 1; i < events.length; i++) {
    if (seqOf(events[i]!) < seqOf(events[i - 1]!)) return events.sort((a, b) => seqOf(a) - seqOf(b));
  }
  return events;
}

/**
 * Pages from a worker, after the page `last` (read here): returns true after the last page,
 * false (without yielding any) when the worker could not load (the caller reads on this thread
 * instead).
 */
async function* workerPages(
  file: string,
  owner: EventOwner,
  columns: readonly SourceEventColumn[],
  last: SqlitePage,
  pageSize: number,
  limit: number,
  bounds: PageBounds,
): AsyncGenerator<SqlitePage, boolean> {
  const watched = watchWorker(startPageWorker());
  const job: PageWorkerJob = { file, owner, columns, after: last.last, previous: sizeOf(last), pageSize, limit, credits: PAGE_CREDITS, bounds };
  watched.worker.postMessage(job);
  for await (const message of workerMessages<PageWorkerMessage>(watched, { stoppedEarly: 'the SQLite page worker stopped before the last page' })) {
    if (message.kind === 'error') throw new Error(`reading events from SQLite: ${message.message}`);
    if (message.kind === 'end') return true;
    yield message;
  }
  return false;
}

/** The source's events as arrays of `columns` (its layout's: source-event-columns.ts). */
export async function* sqliteSourceEvents(
  connection: BetterSqlite3.Database,
  owner: EventOwner,
  columns: readonly SourceEventColumn[],
  options: SqliteSourceEventsOptions,
): AsyncGenerator<SourceEventArray[]> {
  const { pageSize, limit, bounds } = options;
  const parse = (page: SqlitePage) => inRecordOrder(JSON.parse(page.text) as SourceEventArray[], columns);
  // The first `pageSize` events on this thread: a source that small never starts a worker. The
  // last of those pages is held back, to be parsed once the worker reads the next.
  let last: SqlitePage | null = null;
  let read = 0;
  for (const page of readSqlitePages(connection, owner, columns, -1, pageSize, Math.min(pageSize, limit), bounds)) {
    if (last !== null) yield parse(last);
    last = page;
    read += page.count;
  }
  if (last === null) return;
  const rest = limit - read;
  // A source of exactly `pageSize` events ends here too, which only asking can tell.
  if (last.end || rest <= 0 || !hasEventsAfter(connection, owner, last.last)) {
    yield parse(last);
    return;
  }
  if (options.worker !== false && !connection.memory) {
    const pages = workerPages(connection.name, owner, columns, last, pageSize, rest, bounds);
    try {
      const following = pages.next();
      // Awaited below, unless the caller stops first: then its failure is nobody's.
      following.catch(() => {});
      yield parse(last);
      let next = await following;
      while (!next.done) {
        yield parse(next.value);
        next = await pages.next();
      }
      if (next.value) return;
    } finally {
      // A caller that stops early: the worker is stopped (a no-op once the pages ran out).
      await pages.return(true);
    }
    if (!warnedInline) {
      warnedInline = true;
      console.warn('[witness] the SQLite page worker could not start; reading events on the main thread');
    }
  } else yield parse(last);
  for (const page of readSqlitePages(connection, owner, columns, last.last, pageSize, rest, bounds, sizeOf(last))) yield parse(page);
}
