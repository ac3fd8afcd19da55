/**
 * Parses a stored blob into RowChunks on a worker thread, so that parsing (one core) and writing
 * to the database (the other core) overlap; the chunks arrive here in order, as if parsed inline.
 *
 * - Backpressure: the worker may run WORKER_CREDITS chunks ahead of the writer, no more, so
 *   memory stays bounded whatever the file size.
 * - Abort: the signal stops the worker (terminate) and throws UploadInterruptedError.
 * - Errors thrown while parsing (UnprocessableEvidenceError...) come back as the same classes.
 * - Where the worker cannot start (its script cannot be loaded: an unusual bundle), the same
 *   code runs inline, with a warning: slower, never different.
 * - Starting a worker takes ~300 ms (from source; loading its modules), so an upload starts one
 *   as its bytes begin to arrive (prestartParseWorker) and the parse takes that one: the job goes
 *   to the worker as its first message, not as workerData. A parse with none ready starts its own.
 *
 * Loading the worker: inside Next (`next build`/`next dev`) Turbopack bundles
 * `new Worker(new URL('./x.ts', import.meta.url))` into a chunk of its own (checked with
 * `next build && next start` and a curl upload); run from source, see ../source-worker.ts.
 */
import { Worker } from 'node:worker_threads';
import { openBlobFile } from '../blob-store';
import { workerFromSource } from '../source-worker';
import { type WatchedWorker, watchWorker, workerMessages } from '../worker-messages';
import { UnprocessableEvidenceError, UploadInterruptedError } from '../errors';
import { evidenceRows, type RowChunk, type RowOptions } from './evidence-rows';
import type { ParseWorkerData, WorkerMessage } from './parse-worker';

/**
 * Chunks (read-evidence.ts: DEFAULT_EVENT_BATCH events, fewer when DEFAULT_BATCH_BYTES were read)
 * the worker may parse ahead of the writer. Ten (20,000 events, as four chunks of 5,000 were)
 * made 1M JSON lines faster in five of six alternated pairs (8.4-12.8 s against 9.0-12.7 s), but
 * the 600 MB HAR on PostgreSQL then peaked at 1,064 MB RSS, 737 MB of it the main thread's heap
 * (482 MB with four; 546 MB in a rerun with ten: it comes and goes): not kept.
 */
export const WORKER_CREDITS = 4;

let warnedInline = false;

/**
 * The worker's old-generation heap limit. Its live data is one chunk plus the parser's state, but
 * V8 collects lazily, and without a limit the worker's heap alone reached ~300 MB on a 250 MB
 * file (peak RSS 750-870 MB against 550-630 MB with a 256 MB limit). A higher limit did not pay:
 * at 512 MB the 1M-span OTLP ingest on PostgreSQL peaked at 1,008 MB against 603 MB, in the same
 * 41 s, and what it gave JSON lines was within this machine's run-to-run noise. A format that
 * holds a whole document (a big OTLP JSON file) can exceed it: the worker then fails with
 * ERR_WORKER_OUT_OF_MEMORY and the caller parses again inline (isWorkerOutOfMemory).
 *
 * The young generation stays at a worker's default, 48 MB: two semi-spaces of 16 MB. 64 MB makes
 * them 32 MB (V8 rounds a semi-space up to a power of two) and cut the worker's collections of
 * 1M JSON lines from 1.5 to 0.5-0.9 s, the ingest about 5%, but put the 1M-span OTLP ingest's
 * peak RSS at 545-612 MB, at and past the 600 MB bound (README: tried four times, not kept).
 * Since then the rows die young at the default size instead (read-evidence.ts,
 * DEFAULT_EVENT_BATCH): the worker's collections of 1M JSON lines take 0.25-0.47 s.
 */
export const WORKER_HEAP_MB = 192;

const WORKER_OPTIONS = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };

export function isWorkerOutOfMemory(error: unknown): boolean {
  return error !== null && typeof error === 'object' && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function startWorker(): WatchedWorker {
  // Inside Next (NEXT_RUNTIME is set), this module is bundled and so is the worker entry below.
  let worker: Worker;
  if (process.env.NEXT_RUNTIME) worker = new Worker(new URL('./parse-worker.ts', import.meta.url), WORKER_OPTIONS);
  else worker = workerFromSource(new URL('./parse-worker.ts', import.meta.url), WORKER_OPTIONS);
  return watchWorker(worker);
}

/** The worker started ahead of the next parse; unref'd until taken, so it never holds a process open. */
let spare: WatchedWorker | null = null;

const usable = (started: WatchedWorker | null): started is WatchedWorker => started !== null && started.failure === null && !started.exited;

/** Starts a parse worker for the next parse, unless one is waiting already (an upload calls this as its bytes start to arrive). */
export function prestartParseWorker(): void {
  if (usable(spare)) return;
  spare = startWorker();
  spare.worker.unref();
}

/** Whether a prestarted worker is waiting (for tests). */
export function hasSpareParseWorker(): boolean {
  return usable(spare);
}

function takeWorker(): WatchedWorker {
  const taken = usable(spare) ? spare : startWorker();
  spare = null;
  taken.worker.ref();
  return taken;
}

function rebuildError(message: { name: string; message: string }): Error {
  if (message.name === 'UnprocessableEvidenceError') return new UnprocessableEvidenceError(message.message);
  if (message.name === 'UploadInterruptedError') return new UploadInterruptedError(message.message);
  const error = new Error(message.message);
  error.name = message.name;
  return error;
}

export interface SourceRowOptions extends RowOptions {
  signal?: AbortSignal;
  /** false: parse on this thread (tests comparing both paths). */
  worker?: boolean;
}

export async function* parseSourceRows(file: string, options: SourceRowOptions): AsyncGenerator<RowChunk> {
  const { signal, worker: useWorker = true, ...rowOptions } = options;
  const aborted = () => new UploadInterruptedError(`${rowOptions.sourceName}: ingest aborted`, { cause: signal?.reason });
  if (!useWorker) {
    yield* evidenceRows(openBlobFile(file), { ...rowOptions, signal });
    return;
  }
  const started = takeWorker();
  started.worker.postMessage({ file, options: rowOptions, credits: WORKER_CREDITS } satisfies ParseWorkerData);
  const messages = workerMessages<WorkerMessage>(started, {
    stoppedEarly: `${rowOptions.sourceName}: the parse worker stopped before the end of the file`,
    signal,
    aborted,
  });
  for await (const message of messages) {
    if (message.kind === 'error') throw rebuildError(message);
    yield message;
    if (message.kind === 'done') return;
  }
  // The worker could not load its script: parse on this thread.
  if (!warnedInline) {
    warnedInline = true;
    console.warn(`[witness] the parse worker could not start (${String(started.failure)}); parsing on the main thread`);
  }
  yield* evidenceRows(openBlobFile(file), { ...rowOptions, signal });
}
