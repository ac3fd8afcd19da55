/**
 * The SQLite page worker's entry (started by sqlite-source-events.ts): reads a source's pages
 * on a read-only connection of its own and posts each text, so that the database builds the
 * next page while the main thread parses this one. Its first message is the job; it may run
 * `credits` pages ahead, and the main thread sends 'ack' for each page it takes.
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import type { EventOwner } from '../db/event-row';
import { WorkerCredits } from '../worker-credits';
import type { PageBounds, SourceEventColumn } from './source-event-columns';
import { readSqlitePages, type PageSize, type SqlitePage } from './sqlite-event-pages';

export interface PageWorkerJob {
  file: string;
  owner: EventOwner;
  /** The source's layout's columns (source-event-columns.ts). */
  columns: readonly SourceEventColumn[];
  after: number;
  /** The page read before `after` (on the main thread), which sizes the first of these. */
  previous: PageSize;
  pageSize: number;
  /** Events to read at most (Infinity: all). */
  limit: number;
  credits: number;
  bounds: PageBounds;
}

export type PageWorkerMessage = ({ kind: 'page' } & SqlitePage) | { kind: 'end' } | { kind: 'error'; message: string };

async function run(port: NonNullable<typeof parentPort>, job: PageWorkerJob): Promise<void> {
  const credits = new WorkerCredits(port, job.credits);
  try {
    const connection = new Database(job.file, { readonly: true, fileMustExist: true });
    const pages = readSqlitePages(connection, job.owner, job.columns, job.after, job.pageSize, job.limit, job.bounds, job.previous);
    for (;;) {
      // The credit first: a page is not read before the main thread has room for it.
      await credits.take();
      const next = pages.next();
      if (next.done) break;
      port.postMessage({ kind: 'page', ...next.value } satisfies PageWorkerMessage);
    }
    connection.close();
    port.postMessage({ kind: 'end' } satisfies PageWorkerMessage);
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies PageWorkerMessage);
  }
}

const port = parentPort;
if (port) port.once('message', (job: PageWorkerJob) => void run(port, job));
