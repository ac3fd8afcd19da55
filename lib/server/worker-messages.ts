/**
 * The parent thread's side of a worker that posts its results under credits (worker-credits.ts
 * is the worker's side): what befell the worker, recorded from its start, and its messages in
 * order, each acknowledged as the caller takes it. Used by the parse (parse-source-rows.ts) and
 * the SQLite page reader (sqlite-source-events.ts).
 */
import type { Worker } from 'node:worker_threads';
import { isWorkerLoadFailure } from './source-worker';

/** A worker and what befell it, recorded from its start (before anyone reads its messages). */
export interface WatchedWorker {
  readonly worker: Worker;
  failure: unknown;
  exited: boolean;
}

export function watchWorker(worker: Worker): WatchedWorker {
  const watched: WatchedWorker = { worker, failure: null, exited: false };
  worker.on('error', (error) => (watched.failure ??= error));
  worker.on('exit', () => (watched.exited = true));
  return watched;
}

export interface WorkerMessageOptions {
  /** The error's message when the worker exits before the caller stopped taking messages. */
  stoppedEarly: string;
  signal?: AbortSignal;
  /** The error to throw once `signal` aborts. */
  aborted?: () => Error;
}

/**
 * The worker's messages, each acknowledged ('ack': one more credit) as it is handed over, until
 * the caller stops taking them; the worker is terminated then. Ends without a message when the
 * worker could not load its script (isWorkerLoadFailure) before posting any: the caller then
 * does the work on its own thread. Any other failure of the worker is thrown.
 */
export async function* workerMessages<M>(watched: WatchedWorker, options: WorkerMessageOptions): AsyncGenerator<M> {
  const { worker } = watched;
  const { signal } = options;
  const queue: M[] = [];
  let received = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: M) => {
    received++;
    queue.push(message);
    notify();
  });
  worker.on('error', notify);
  worker.on('exit', notify);
  signal?.addEventListener('abort', notify);
  try {
    for (;;) {
      if (signal?.aborted) throw options.aborted?.() ?? signal.reason;
      const message = queue.shift();
      if (message === undefined) {
        if (watched.failure !== null) {
          if (received === 0 && isWorkerLoadFailure(watched.failure)) return;
          throw watched.failure;
        }
        if (watched.exited) throw new Error(options.stoppedEarly);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      worker.postMessage('ack');
      yield message;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    await worker.terminate();
  }
}
