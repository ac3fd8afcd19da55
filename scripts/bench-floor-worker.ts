/**
 * The parse half of the ingest floor (bench-floor.ts): the performance guide's prototype, and
 * nothing more. Reads the JSON lines in 1 MiB chunks, splits them by hand, JSON.parse each line
 * and normalizes it the guide's way (the time parsed, six columns picked, the rest
 * re-stringified), then posts the rows ROWS_PER_BATCH at a time as one flat array of
 * FLOOR_COLUMNS values each. No redaction, no diagnostics, no request keys, no rollups, no text
 * offsets: what Witness's ingest does besides is what the floor leaves out.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

export const FLOOR_COLUMNS = 7;
export const ROWS_PER_BATCH = 5_000;

function normalized(line: string, out: unknown[]): void {
  const { ts, level, service, request_id: requestId, trace_id: traceId, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
  const time = typeof ts === 'string' ? Date.parse(ts) : null;
  out.push(Number.isNaN(time) ? null : time, level ?? null, service ?? null, requestId ?? null, traceId ?? null, msg ?? null, JSON.stringify(rest));
}

function run(file: string, post: (rows: unknown[]) => void): void {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const decoder = new TextDecoder();
  let tail = '';
  let rows: unknown[] = [];
  const take = (line: string) => {
    if (line.length === 0) return;
    normalized(line, rows);
    if (rows.length >= ROWS_PER_BATCH * FLOOR_COLUMNS) {
      post(rows);
      rows = [];
    }
  };
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const text = decoder.decode(chunk.subarray(0, read), { stream: true });
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; from = nl + 1, nl = text.indexOf('\n', from)) take(from === 0 ? tail + text.slice(0, nl) : text.slice(from, nl));
      tail = from === 0 ? tail + text : text.slice(from);
    }
    take(tail + decoder.decode());
  } finally {
    closeSync(fd);
  }
  if (rows.length > 0) post(rows);
}

if (parentPort) {
  const port = parentPort;
  run(workerData as string, (rows) => port.postMessage(rows));
  port.postMessage(null);
}
