/**
 * `npm run bench`'s floor rows, in a process of their own: the performance guide's own prototype
 * steps run on this machine, so that a missed target reads against what the bare work takes
 * here and not only against the guide's machine.
 *
 * - Ingest floor (`--jsonl FILE`): the guide's "prototype end to end, parse in a worker thread,
 *   insert on the main thread, 3 indexes" (5.35 s, 187k events/s, where the guide was
 *   measured). The worker (bench-floor-worker.ts) parses and normalizes; this thread inserts
 *   each batch in one transaction through a prepared multi-row INSERT into a SQLite file
 *   configured as Witness's (WAL, synchronous=NORMAL, 16 KiB pages), then builds three
 *   indexes (time; request id; trace id). The guide's 200k/s target is 7% above its prototype.
 * - HAR floor (`--har FILE`): read the whole file and JSON.parse it, as the guide timed it (1.76 s
 *   for 261 MB, 148 MB/s: the 140 MB/s target is 5% below it).
 *
 * The worker posts its batches without waiting for the inserts (the guide's prototype had no
 * backpressure): the time is end to end, the memory is not Witness's bound.
 *
 * Prints one JSON line: { ingestS, events } with --jsonl, { harS, harMb } (or { harError }) with
 * --har.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { workerFromSource } from '@/lib/server/source-worker';
import { SQLITE_PAGE_SIZE } from '@/lib/server/db/dialect';
import { FLOOR_COLUMNS } from './bench-floor-worker';
import { argValue } from './script-args';

const ROWS_PER_INSERT = 100;

async function ingestFloor(file: string): Promise<{ ingestS: number; events: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'witness-floor-'));
  const db = new Database(path.join(dir, 'floor.db'));
  try {
    db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE event (id INTEGER PRIMARY KEY, ts REAL, level TEXT, service TEXT, request_id TEXT, trace_id TEXT, msg TEXT, attributes TEXT)');
    const values = `(${new Array(FLOOR_COLUMNS).fill('?').join(', ')})`;
    const columns = 'ts, level, service, request_id, trace_id, msg, attributes';
    const many = db.prepare(`INSERT INTO event (${columns}) VALUES ${new Array(ROWS_PER_INSERT).fill(values).join(', ')}`);
    const one = db.prepare(`INSERT INTO event (${columns}) VALUES ${values}`);
    const insertBatch = db.transaction((rows: unknown[]) => {
      const whole = ROWS_PER_INSERT * FLOOR_COLUMNS;
      let at = 0;
      for (; at + whole <= rows.length; at += whole) many.run(rows.slice(at, at + whole));
      for (; at < rows.length; at += FLOOR_COLUMNS) one.run(rows.slice(at, at + FLOOR_COLUMNS));
    });

    const started = performance.now();
    const worker = workerFromSource(new URL('./bench-floor-worker.ts', import.meta.url), { workerData: file });
    let events = 0;
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (rows: unknown[] | null) => {
        if (rows === null) return resolve();
        try {
          insertBatch(rows);
          events += rows.length / FLOOR_COLUMNS;
        } catch (error) {
          reject(error);
        }
      });
    });
    await worker.terminate();
    db.exec('CREATE INDEX event_ts ON event (ts); CREATE INDEX event_request ON event (request_id); CREATE INDEX event_trace ON event (trace_id)');
    return { ingestS: (performance.now() - started) / 1000, events };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The HAR read and parsed whole; past V8's longest string (about 512M characters) it cannot be, and says so. */
function harFloor(file: string): { harS: number; harMb: number } | { harError: string } {
  const harMb = statSync(file).size / 1e6;
  try {
    const started = performance.now();
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log?: { entries?: unknown[] } };
    const harS = (performance.now() - started) / 1000;
    if (!Array.isArray(har.log?.entries)) return { harError: 'no log.entries' };
    return { harS, harMb };
  } catch (error) {
    return { harError: `${harMb.toFixed(0)} MB: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(): Promise<void> {
  const jsonl = argValue('--jsonl');
  const har = argValue('--har');
  if (!jsonl && !har) throw new Error('usage: bench-floor.ts [--jsonl FILE.jsonl] [--har FILE.har]');
  console.log(JSON.stringify({ ...(jsonl ? await ingestFloor(jsonl) : {}), ...(har ? harFloor(har) : {}) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
