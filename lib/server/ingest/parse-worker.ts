/**
 * The parse worker thread's entry (started by parse-source-rows.ts, maybe before there is a
 * parse for it): its first message is the job (ParseWorkerData). It reads the blob file named
 * there, runs evidenceRows over it, and posts each RowChunk to the parent, which writes while
 * this thread parses the next bytes.
 *
 * Backpressure: at most `credits` chunks may be unacknowledged; the parent sends 'ack' for each
 * chunk it has taken, so a slow writer bounds this thread's memory instead of queueing the file.
 * Errors are posted as { kind: 'error', name, message } and rebuilt as the same error classes.
 */
import { parentPort } from 'node:worker_threads';
import { openBlobFile } from '../blob-store';
import { WorkerCredits } from '../worker-credits';
import { evidenceRows, type RowOptions } from './evidence-rows';

export interface ParseWorkerData {
  file: string;
  options: RowOptions;
  credits: number;
}

export type WorkerMessage = import('./evidence-rows').RowChunk | { kind: 'error'; name: string; message: string };

async function run(port: NonNullable<typeof parentPort>, data: ParseWorkerData): Promise<void> {
  const credits = new WorkerCredits(port, data.credits);
  try {
    for await (const chunk of evidenceRows(openBlobFile(data.file), data.options)) {
      await credits.take();
      port.postMessage(chunk satisfies WorkerMessage);
    }
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    port.postMessage({ kind: 'error', name, message } satisfies WorkerMessage);
  }
  // The parent terminates this thread once it has read 'done' or 'error'.
}

const port = parentPort;
if (port) port.once('message', (job: ParseWorkerData) => void run(port, job));
