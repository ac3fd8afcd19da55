/**
 * The parse half of the ingest floor (bench-floor.ts): the performance guide's prototype, and
 * nothing more. Reads the JSON lines as the guide did (bench-lines.ts), JSON.parse each line
 * and normalizes it the guide's way (the time parsed, six columns picked, the rest
 * re-stringified), then posts the rows ROWS_PER_BATCH at a time as one flat array of
 * FLOOR_COLUMNS values each. No redaction, no diagnostics, no request keys, no rollups, no text
 * offsets: what Witness's ingest does besides is what the floor leaves out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forEachLine } from './bench-lines';

export const FLOOR_COLUMNS = 7;
export const ROWS_PER_BATCH = 5_000;

function normalized(line: string, out: unknown[]): void {
  const { ts, level, service, request_id: requestId, trace_id: traceId, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
  const time = typeof ts === 'string' ? Date.parse(ts) : null;
  out.push(Number.isNaN(time) ? null : time, level ?? null, service ?? null, requestId ?? null, traceId ?? null, msg ?? null, JSON.stringify(rest));
}

function run(file: string, post: (rows: unknown[]) => void): void {
  let rows: unknown[] = [];
  forEachLine(file, (line) => {
    normalized(line, rows);
    if (rows.length >= ROWS_PER_BATCH * FLOOR_COLUMNS) {
      post(rows);
      rows = [];
    }
  });
  if (rows.length > 0) post(rows);
}

if (parentPort) {
  const port = parentPort;
  run(workerData as string, (rows) => port.postMessage(rows));
  port.postMessage(null);
}
