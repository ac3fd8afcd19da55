/**
 * A worker thread on a TypeScript entry, run from source (tsx: the CLI, the benchmarks, vitest).
 * Node cannot load TypeScript in a worker by itself, so a two-line bootstrap registers tsx's
 * require hook first (tsx is a devDependency: only used from source). Inside Next the caller
 * writes `new Worker(new URL('./x.ts', import.meta.url))` itself: Turbopack bundles a worker's
 * entry into a chunk of its own only from that literal form.
 */
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function workerFromSource(entry: URL, options: WorkerOptions = {}): Worker {
  const file = fileURLToPath(entry);
  return new Worker(`require('tsx/cjs/api').register();\nrequire(${JSON.stringify(file)});`, { ...options, eval: true });
}

/** Whether a worker failed because its script could not be loaded (an unusual bundle): callers then do the work on their own thread. */
export function isWorkerLoadFailure(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNKNOWN_FILE_EXTENSION' || code === 'ERR_WORKER_PATH';
}
