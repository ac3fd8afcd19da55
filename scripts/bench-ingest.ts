/**
 * `npm run bench:ingest`: ingest throughput of the real pipeline (blob store, decode, detect,
 * parse, batched inserts into SQLite) on generated evidence, 1,000,000 records by default as
 * JSON lines and as logfmt. Prints events/s, MB/s, the time until a request-id lookup answers,
 * and peak RSS. Each format runs in a child process of its own, so its peak RSS is its own.
 *
 * Targets (../shared/guides/performance.md): 1M events durable and indexed in <= 5 s
 * (>= 200k events/s, >= 50 MB/s), peak RSS <= 600 MB.
 *
 *   npm run bench:ingest [-- --records N] [-- --keep]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toJsonLine, toLogfmtLine, writeBenchFile } from './bench-data';
import { argValue } from './script-args';

const FORMATS = { jsonl: toJsonLine, logfmt: toLogfmtLine } as const;
type BenchFormat = keyof typeof FORMATS;

interface RunResult {
  format: string;
  records: number;
  mb: number;
  ingestS: number;
  lookupReadyS: number;
  lookupMs: number;
  events: number;
  peakRssMb: number;
}

/**
 * Child: ingest the file the parent generated, time the first request-id lookup. Prints one JSON
 * line. The parent generates the file so that this process's peak RSS is the pipeline's alone.
 */
async function runOne(format: BenchFormat, records: number, dir: string): Promise<RunResult> {
  const file = path.join(dir, `bench.${format}`);
  const bytes = statSync(file).size;
  process.env.DATABASE_URL = `file:${path.join(dir, `bench-${format}.db`)}`;
  process.env.BLOB_DIR = path.join(dir, `blobs-${format}`);
  const { createIncident } = await import('@/lib/server/queries/create-incident');
  const { ingestUpload } = await import('@/lib/server/ingest/ingest-upload');
  const { listEvents } = await import('@/lib/server/queries/list-events');
  const { closeDb } = await import('@/lib/server/db/client');

  const incident = await createIncident({ name: `bench ${format}` });
  const started = performance.now();
  const result = await ingestUpload({ incidentId: incident.id, name: path.basename(file), body: createReadStream(file, { highWaterMark: 1 << 20 }) });
  const ingested = performance.now();
  if (!result.ok) throw new Error(`ingest failed: ${result.error.message}`);
  const request = `req-${Math.floor(records / 20).toString(36).padStart(6, '0')}`;
  const page = await listEvents({ incidentId: incident.id, request, limit: 100 });
  const looked = performance.now();
  if (page.events.length === 0) throw new Error(`lookup of ${request} found nothing`);
  const lookupStart = performance.now();
  await listEvents({ incidentId: incident.id, request: `req-${Math.floor(records / 30).toString(36).padStart(6, '0')}`, limit: 100 });
  const lookupMs = performance.now() - lookupStart;
  await closeDb();
  return {
    format,
    records,
    mb: bytes / 1e6,
    ingestS: (ingested - started) / 1000,
    lookupReadyS: (looked - started) / 1000,
    lookupMs,
    events: result.source.events,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function table(results: RunResult[]): string {
  const rows = results.map((r) =>
    [
      r.format,
      r.events.toLocaleString('en-US'),
      r.mb.toFixed(0),
      r.ingestS.toFixed(2),
      Math.round(r.events / r.ingestS).toLocaleString('en-US'),
      (r.mb / r.ingestS).toFixed(1),
      r.lookupReadyS.toFixed(2),
      r.lookupMs.toFixed(2),
      r.peakRssMb.toFixed(0),
    ].join(' | '),
  );
  return [
    '| format | events | MB | ingest s | events/s | MB/s | request lookup ready after s | later lookup ms | peak RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
    '',
    'targets: 1M events in <= 5 s (>= 200,000 events/s, >= 50 MB/s), peak RSS <= 600 MB',
  ].join('\n');
}

async function main(): Promise<void> {
  const records = Number(argValue('--records') ?? 1_000_000);
  const one = argValue('--one') as BenchFormat | undefined;
  if (one) {
    const dir = argValue('--dir') as string;
    console.log(JSON.stringify(await runOne(one, records, dir)));
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'witness-bench-'));
  const results: RunResult[] = [];
  try {
    for (const format of Object.keys(FORMATS) as BenchFormat[]) {
      console.error(`bench:ingest: ${records.toLocaleString('en-US')} ${format} records...`);
      await writeBenchFile(path.join(dir, `bench.${format}`), records, FORMATS[format]);
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, '--one', format, '--records', String(records), '--dir', dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`${format} run failed (exit ${child.status})`);
      results.push(JSON.parse(child.stdout.trim().split('\n').pop() as string) as RunResult);
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(table(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
