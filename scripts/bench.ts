/**
 * `npm run bench`: one table of the performance targets (../shared/guides/performance.md) with
 * the measured result beside each, for every engine available: SQLite always, PostgreSQL when
 * `--postgres URL` or BENCH_DATABASE_URL is given or a throwaway cluster can be started
 * (scripts/db-temp-postgres.ts). The engine follows DATABASE_URL, so both run the same code; a
 * PostgreSQL failure prints its rows as "not available: <reason>" instead of failing the run.
 *
 * Rows: ingest of 1M JSON lines and 1M logfmt records, a ~100 MB HAR and a 1M-span OTLP JSON
 * file; time to first view of the 1M-event upload (events page and overview histogram through
 * the route handlers); one request's timeline (GET /requests/{key}) and the database lookup
 * alone; the overview histogram at several zoom levels; the same request lookups once nine more
 * incidents like it are stored (10M events: `scale`); the analysis of 1M events
 * (scripts/bench-analyze.ts); lnav loading the same JSON lines when installed. First, two rows
 * that calibrate the machine (scripts/bench-machine.ts), when the JSON lines are generated, and
 * the performance guide's own prototype steps run here (scripts/bench-floor.ts) for the JSON
 * lines' and the HAR's ingest, the floor their rows read against.
 *
 * Every ingest runs in a child process of its own so its peak RSS is its own (the parent
 * generates the files, as in scripts/bench-ingest.ts). The analyses run ANALYSIS_RUNS times
 * and report the median: the stored one first in the process that ingested the JSON lines (the
 * first investigation, as the app runs it), then in fresh processes (`--child stored-analysis`).
 *
 *   npm run bench [-- --records N] [-- --only jsonl,logfmt,har,harlarge,otlp,firstview,request,zoom,scale,analyze,lnav]
 *                 [-- --postgres URL | --no-postgres] [-- --no-sqlite] [-- --no-redact] [-- --keep]
 *                 [-- --pg-setting name=value ...]
 *
 * `--pg-setting` (repeatable) starts the throwaway cluster with that server setting too (it
 * runs with PostgreSQL's defaults otherwise, shared_buffers 128 MB, and fsync off).
 *
 * `--no-redact` ingests with redaction off (as `redact=0` on the API), to see what it costs.
 *
 * `--only ingest` is jsonl,logfmt,har,harlarge,otlp. firstview, request, zoom and scale query the JSON
 * lines upload, so they ingest it (without printing the ingest row unless jsonl is asked for).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '@/lib/domain/prng';
import { toJsonLine, toLogfmtLine, writeBenchFile, writeBenchHar, writeBenchOtlp } from './bench-data';
import { startTempPostgres, type TempPostgres } from './db-temp-postgres';
import { argValue, argValues } from './script-args';
import { watchRssPeak, type RssPeak } from './bench-rss-peak';

const PARTS = ['jsonl', 'logfmt', 'har', 'harlarge', 'otlp', 'firstview', 'request', 'zoom', 'scale', 'analyze', 'lnav'] as const;
type Part = (typeof PARTS)[number];
type Format = 'jsonl' | 'logfmt' | 'har' | 'harlarge' | 'otlp';
const INGEST_FORMATS = ['jsonl', 'logfmt', 'har', 'harlarge', 'otlp'] as const;
const FILE_NAMES: Record<Format, string> = { jsonl: 'bench.jsonl', logfmt: 'bench.logfmt', har: 'bench.har', harlarge: 'bench-large.har', otlp: 'bench-otlp.json' };
/** Per 1M records (`--records` scales them). */
const HAR_BYTES = 100e6;
/**
 * The performance guide's second HAR target: past 256 MB, streamed with bounded memory. 600 MB
 * is also past the longest string V8 holds (~512 MiB), so it cannot be read whole.
 */
const HAR_LARGE_BYTES = 600e6;
/** Enough that p99 is the 10th slowest, not the 2nd: at 200 one scheduling hiccup set it. */
const REQUEST_SAMPLES = 1000;
const ZOOM_RUNS = 5;
/**
 * The `scale` part: this many more incidents of `--records` JSON lines each beside the bench's,
 * so that the store holds ten times `--records` events when one request is looked up again: the
 * guide's request target holds "at 1M-10M stored events". The last SCALE_SHARED_IDS of them
 * carry the bench's own request ids (as evidence uploaded again into another incident does):
 * a lookup then finds their events too and leaves them out; the others have ids of their own.
 */
const SCALE_INCIDENTS = 9;
const SCALE_SHARED_IDS = 3;
/**
 * The analyses (stored and in memory) take seconds and this machine's speed drifts within the
 * hour (the same stored analysis 6.7-10.6 s in single runs): each is run this many times (the
 * stored one first in the process that ingested, then in fresh processes; the in-memory one in a
 * fresh process each time), and the median is what meets or misses the target, as the
 * performance guide measured (medians of at least three runs).
 */
const ANALYSIS_RUNS = 3;

// ---------------------------------------------------------------------------------------------
// Child: one ingest (and, for the JSON lines, the queries on it). Prints one JSON line.

interface IngestResult {
  format: Format;
  events: number;
  mb: number;
  ingestS: number;
  peakRssMb: number;
  /** The highest RSS sampled during the ingest, when, and this thread's memory then (bench-rss-peak.ts). */
  sampledPeak: RssPeak;
  /** Database size after the ingest (SQLite: the file and its WAL; PostgreSQL: pg_database_size). */
  databaseMb: number;
  /** Its largest tables and indexes. */
  largest: { name: string; mb: number }[];
  views?: ViewResult & RequestTimes;
}

interface StoredAnalysis {
  computeMs: number;
  peakRssMb: number;
}

interface ViewResult {
  /** From the bytes stored (the source says `parsing`) to the first events page and overview, while ingest goes on. */
  firstView: { afterBytesS: number; eventsPageMs: number; overviewMs: number; eventsSoFar: number };
  /** From the upload's start to the analysis views (investigation and timeline overview) once ingest is done. */
  analyzedView: { fromStartS: number; investigationMs: number; timelineMs: number };
  /**
   * The first analysis of the stored events, which that investigation ran: loading them from the
   * database and analyzing them (AnalyzedIncident.computeMs), and the process's peak RSS after it,
   * which is the analysis's own unless the ingest before it in this process peaked higher.
   */
  storedAnalysis: StoredAnalysis;
  /** The same analysis in fresh processes (ANALYSIS_RUNS - 1 of them), or why they failed. */
  storedRepeats?: StoredAnalysis[] | string;
  zoomMs: { label: string; from: number; to: number; medianMs: number; maxMs: number; mode: string }[];
}

/** One request's timeline and events, looked up REQUEST_SAMPLES times (timeRequests). */
interface RequestTimes {
  requestMs: { p50: number; p95: number; p99: number; max: number; samples: number };
  /**
   * The database statement alone (timeDatabaseLookups), on requests this process had not looked
   * up before: what a person opening a request waits for. The target is held to this one.
   */
  lookupFirstMs: { p50: number; p99: number; max: number };
  /** The same statement on the API's requests, which listEvents had just looked up. */
  lookupMs: { p50: number; p99: number; max: number };
  /** PostgreSQL: a round trip that does no work (SELECT $1), as many times as the lookup: its floor. */
  roundTripMs?: { p50: number; p99: number; max: number };
  /** listEvents with a request filter: the app's path (the visible sources, then the lookup, then DTOs). */
  listMs: { p50: number; p95: number; p99: number };
}

/** The `scale` child: more incidents ingested beside the bench's, then its requests again. */
interface ScaleResult extends RequestTimes {
  /** Events in the store once they are all in. */
  storedEvents: number;
  /** Each further incident's ingest, s. */
  ingestS: number[];
  /** Peak RSS over those ingests (before the analysis the request view needs). */
  ingestPeakRssMb: number;
  /** Their files' size, MB. */
  ingestedMb: number;
  databaseMb: number;
  /** PostgreSQL: autovacuum workers at work when the timing started and ended (they share the two cores). */
  autovacuum?: [number, number];
}

type AnyRoute = { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };

async function callRoute(route: AnyRoute, url: string, params: Record<string, string>): Promise<unknown> {
  const response = await route.GET(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/** Timings' p50, p95, p99, max and count (each row prints the ones it needs). */
function spread(times: readonly number[]): { p50: number; p95: number; p99: number; max: number; samples: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN, samples: sorted.length };
}

/** The largest tables and indexes after the ingest, in MB: where the storage row's bytes are. */
async function largestObjects(count: number): Promise<{ name: string; mb: number }[]> {
  const { getDb } = await import('@/lib/server/db/client');
  const db = await getDb();
  const pool = db.postgresPool();
  if (pool) {
    const { rows } = await pool.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, CASE WHEN c.relkind = 'i' THEN pg_relation_size(c.oid) ELSE pg_table_size(c.oid) END AS bytes
       FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i') ORDER BY bytes DESC LIMIT $1`,
      [count],
    );
    return rows.map((r) => ({ name: r.name, mb: Number(r.bytes) / 1e6 }));
  }
  // dbstat: one row per page of every table and index (better-sqlite3 builds SQLite with it).
  // The Prisma adapter turns on safe integers for its connection; these sizes fit a double.
  const statement = db.sqliteConnection()?.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT ?').safeIntegers(false);
  const rows = statement?.all(count) as { name: string; bytes: number }[] | undefined;
  return (rows ?? []).map((r) => ({ name: r.name, mb: r.bytes / 1e6 }));
}

async function databaseMb(): Promise<number> {
  const { getDb } = await import('@/lib/server/db/client');
  const db = await getDb();
  const pool = db.postgresPool();
  if (pool) {
    const { rows } = await pool.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
    return Number(rows[0]?.size ?? NaN) / 1e6;
  }
  const file = (process.env.DATABASE_URL ?? '').replace(/^file:/, '');
  db.sqliteConnection()?.pragma('wal_checkpoint(TRUNCATE)');
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0) / 1e6;
}

/**
 * One request's events by the database alone: the one statement the app runs (request-rows.ts),
 * on the engine's own driver.
 */
async function timeDatabaseLookups(incidentId: string, keys: string[]): Promise<number[]> {
  const { getDb } = await import('@/lib/server/db/client');
  const { requestRows } = await import('@/lib/server/queries/request-rows');
  const db = await getDb();
  const incident = await db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { number: true } });
  const times: number[] = [];
  for (const key of keys) {
    const t = performance.now();
    const found = (await requestRows(db, incident.number, [key], key, null, 5000))?.length ?? 0;
    times.push(performance.now() - t);
    if (found === 0) throw new Error(`database lookup of ${key} found nothing`);
  }
  return times;
}

/**
 * One request's timeline through the API (GET /requests/{key}: the incident's analysis must be
 * in memory already, and answers it without reading rows), its events through listEvents, and
 * the database lookup of its events alone, for REQUEST_SAMPLES random requests of the bench's JSON
 * lines incident. The lookup is timed twice: first on requests of its own, drawn with
 * `lookupSeed` (each child its own) among those this process has not looked up (the events'
 * pages may be warm from the analysis that read every event; the key index's are not), then on
 * the API's requests, which listEvents has just looked up.
 */
async function timeRequests(id: string, records: number, lookupSeed: number): Promise<RequestTimes> {
  const { listEvents } = await import('@/lib/server/queries/list-events');
  const requestRoute = (await import('@/app/api/incidents/[id]/requests/[key]/route')) as unknown as AnyRoute;
  const base = `/api/incidents/${id}`;
  const requests = Math.max(1, Math.floor(records / 10));
  const keyOf = (random: () => number) => `req-${Math.floor(random() * requests).toString(36).padStart(6, '0')}`;
  const random = mulberry32(7);
  const keys = Array.from({ length: REQUEST_SAMPLES }, () => keyOf(random));
  const apiKeys = new Set(keys);
  // The first-read requests: distinct, none of the API's; the warm-up's: none of those. (With
  // fewer requests than that, as in a small --records run, they repeat: the row then says little.)
  const other = mulberry32(lookupSeed);
  const firstKeys = new Set<string>();
  for (let tries = 0; firstKeys.size < REQUEST_SAMPLES && tries < 100 * REQUEST_SAMPLES; tries++) {
    const key = keyOf(other);
    if (!apiKeys.has(key)) firstKeys.add(key);
  }
  while (firstKeys.size < REQUEST_SAMPLES && firstKeys.size < requests) firstKeys.add(keyOf(other));
  const warmUpKeys: string[] = [];
  for (let tries = 0; warmUpKeys.length < 3 * REQUEST_SAMPLES && tries < 100 * REQUEST_SAMPLES; tries++) {
    const key = keyOf(other);
    if (!firstKeys.has(key)) warmUpKeys.push(key);
  }
  // Untimed: the statements prepared, the connections open and the code compiled, as in a server
  // that has run a while: as many lookups as three timings. On PostgreSQL the first thousand
  // lookups of a process had a p99 of 2-3 ms and the fourth 0.3-0.6 ms on a database all in
  // memory, the server's own log showing two statements over 1 ms of the ninety the client saw
  // (neither the pages nor the garbage collector: the process warming up).
  await callRoute(requestRoute, `${base}/requests/${keys[0]}`, { id, key: keys[0]! });
  await listEvents({ incidentId: id, request: keys[0], limit: 100 });
  await timeDatabaseLookups(id, warmUpKeys);
  const firstLookupTimes = await timeDatabaseLookups(id, [...firstKeys]);
  const apiTimes: number[] = [];
  let t = 0;
  for (const key of keys) {
    t = performance.now();
    await callRoute(requestRoute, `${base}/requests/${key}`, { id, key });
    apiTimes.push(performance.now() - t);
  }
  const listTimes: number[] = [];
  for (const key of keys) {
    t = performance.now();
    const found = await listEvents({ incidentId: id, request: key, limit: 100 });
    listTimes.push(performance.now() - t);
    if (found.events.length === 0) throw new Error(`lookup of ${key} found nothing`);
  }
  const lookupTimes = await timeDatabaseLookups(id, keys);
  const roundTrips = await timeRoundTrips(keys.length);
  return {
    requestMs: spread(apiTimes),
    lookupFirstMs: spread(firstLookupTimes),
    lookupMs: spread(lookupTimes),
    ...(roundTrips ? { roundTripMs: spread(roundTrips) } : {}),
    listMs: spread(listTimes),
  };
}

/** PostgreSQL: how many autovacuum workers are at work now; null on SQLite. */
async function autovacuumWorkers(): Promise<number | null> {
  const { getDb } = await import('@/lib/server/db/client');
  const pool = (await getDb()).postgresPool();
  if (!pool) return null;
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
  return Number(rows[0]?.n ?? 0);
}

const scaleFile = (dir: string, i: number) => path.join(dir, `scale-${i}.jsonl`);

/** The scale part's files (the parent writes them, so that the child's peak RSS is its ingests'). */
async function writeScaleFiles(dir: string, records: number): Promise<void> {
  for (let i = 1; i <= SCALE_INCIDENTS; i++) {
    const sharedIds = i > SCALE_INCIDENTS - SCALE_SHARED_IDS;
    // Another seed: other trace ids and times either way.
    await writeBenchFile(scaleFile(dir, i), records, (r) => toJsonLine(sharedIds ? r : { ...r, request_id: `s${i}-${r.request_id}` }), 42 + i);
  }
}

/**
 * The `scale` child, after the JSON lines child left its database: SCALE_INCIDENTS more incidents
 * of `records` JSON lines (writeScaleFiles: trace ids of their own, request ids of their own but
 * in the last SCALE_SHARED_IDS), ingested one after the other; then the bench incident's
 * requests are timed again (timeRequests) with the store ten times as big.
 */
async function runScaleChild(records: number, dir: string, engine: string): Promise<ScaleResult> {
  pointAtBenchStore(dir, engine, 'jsonl');
  const { createIncident } = await import('@/lib/server/queries/create-incident');
  const { ingestUpload } = await import('@/lib/server/ingest/ingest-upload');
  const { getDb, closeDb } = await import('@/lib/server/db/client');
  const ingestS: number[] = [];
  let ingestedBytes = 0;
  for (let i = 1; i <= SCALE_INCIDENTS; i++) {
    const file = scaleFile(dir, i);
    console.error(`bench: scale: incident ${i} of ${SCALE_INCIDENTS}... (load average ${loadAverage()})`);
    ingestedBytes += statSync(file).size;
    const incident = await createIncident({ name: `bench scale ${i}` });
    const started = performance.now();
    const result = await ingestUpload({ incidentId: incident.id, name: path.basename(file), body: createReadStream(file, { highWaterMark: 1 << 20 }), redact: !process.argv.includes('--no-redact') });
    if (!result.ok) throw new Error(`scale ingest ${i} failed: ${result.error.message}`);
    ingestS.push((performance.now() - started) / 1000);
  }
  const ingestPeakRssMb = process.resourceUsage().maxRSS / 1024;
  const { prisma } = await getDb();
  const storedEvents = (await prisma.source.aggregate({ _sum: { eventCount: true } }))._sum.eventCount ?? 0;
  const incident = await prisma.incident.findFirst({ where: { name: 'bench jsonl' }, select: { id: true } });
  if (!incident) throw new Error('no "bench jsonl" incident to look requests up in');
  // The request view reads the incident's analysis: computed here once, not timed.
  const investigationRoute = (await import('@/app/api/incidents/[id]/investigation/route')) as unknown as AnyRoute;
  await callRoute(investigationRoute, `/api/incidents/${incident.id}/investigation`, { id: incident.id });
  const vacuumsBefore = await autovacuumWorkers();
  const times = await timeRequests(incident.id, records, 9);
  const vacuumsAfter = await autovacuumWorkers();
  const autovacuum: Pick<ScaleResult, 'autovacuum'> = vacuumsBefore === null || vacuumsAfter === null ? {} : { autovacuum: [vacuumsBefore, vacuumsAfter] };
  const result: ScaleResult = { storedEvents, ingestS, ingestPeakRssMb, ingestedMb: ingestedBytes / 1e6, databaseMb: await databaseMb(), ...times, ...autovacuum };
  await closeDb();
  return result;
}

/**
 * PostgreSQL: the same number of round trips through the same pool, each doing no work. On the
 * 2-vCPU development machine these alone had p99 0.1-1.7 ms and a max of 3-6 ms (the client
 * and the server process scheduled in turn): the floor under the lookup's p99. Null on SQLite.
 */
async function timeRoundTrips(count: number): Promise<number[] | null> {
  const { getDb } = await import('@/lib/server/db/client');
  const pool = (await getDb()).postgresPool();
  if (!pool) return null;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await pool.query({ name: 'witness-bench-round-trip', text: 'SELECT $1::int AS "n"', values: [i] });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The first view, measured as the page gets it: from the moment the upload's bytes are stored
 * (its source leaves `uploading`) to the first moment the events page and the evidence overview
 * both have events, polled every 5 ms while the ingest runs. Null when the ingest ends first.
 */
async function measureFirstView(incidentId: string, ingest: Promise<unknown>): Promise<ViewResult['firstView'] | null> {
  const { getDb } = await import('@/lib/server/db/client');
  const eventsRoute = (await import('@/app/api/incidents/[id]/events/route')) as unknown as AnyRoute;
  const overviewRoute = (await import('@/app/api/incidents/[id]/overview/route')) as unknown as AnyRoute;
  let ended = false;
  void ingest.finally(() => (ended = true));
  const { prisma } = await getDb();
  let bytesAt = 0;
  while (!ended) {
    const source = await prisma.source.findFirst({ where: { incidentId }, select: { status: true } });
    if (source && source.status !== 'uploading') {
      bytesAt = performance.now();
      break;
    }
    await pause(5);
  }
  const base = `/api/incidents/${incidentId}`;
  while (!ended) {
    let t = performance.now();
    const page = (await callRoute(eventsRoute, `${base}/events`, { id: incidentId })) as { events: unknown[] };
    const eventsPageMs = performance.now() - t;
    t = performance.now();
    const overview = (await callRoute(overviewRoute, `${base}/overview?columns=240`, { id: incidentId })) as { timedEvents: number };
    const overviewMs = performance.now() - t;
    if (page.events.length > 0 && overview.timedEvents > 0) {
      return { afterBytesS: (performance.now() - bytesAt) / 1000, eventsPageMs, overviewMs, eventsSoFar: overview.timedEvents };
    }
    await pause(5);
  }
  return null;
}

/**
 * Points this child at the database and blob directory of one format's ingest: the ingest child
 * writes them and the stored-analysis child reads the JSON lines' ones. PostgreSQL's database
 * comes as DATABASE_URL from the parent; SQLite's is a file per format in `dir`.
 */
function pointAtBenchStore(dir: string, engine: string, format: Format): void {
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = `file:${path.join(dir, `bench-${engine}-${format}.db`)}`;
  process.env.BLOB_DIR = path.join(dir, `blobs-${engine}-${format}`);
}

/** A child's result: the JSON on the last line it printed. */
function lastJsonLine<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').pop() as string) as T;
}

/**
 * The first analysis of the JSON lines' incident, in a process that did not ingest it (`--child
 * stored-analysis`): the database and blobs the jsonl child left, PostgreSQL's through
 * DATABASE_URL as given.
 */
async function runStoredAnalysisChild(dir: string, engine: string): Promise<StoredAnalysis> {
  pointAtBenchStore(dir, engine, 'jsonl');
  const { getDb, closeDb } = await import('@/lib/server/db/client');
  const { getIncidentAnalysis } = await import('@/lib/server/analysis/incident-analysis');
  const incident = await (await getDb()).prisma.incident.findFirst({ where: { name: 'bench jsonl' }, select: { id: true } });
  if (!incident) throw new Error('no "bench jsonl" incident to analyze');
  const analyzed = await getIncidentAnalysis(incident.id, { alignment: true });
  const result = { computeMs: analyzed.computeMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  await closeDb();
  return result;
}

async function runChild(format: Format, records: number, dir: string, engine: string, withViews: boolean): Promise<IngestResult> {
  const file = path.join(dir, FILE_NAMES[format]);
  const bytes = statSync(file).size;
  pointAtBenchStore(dir, engine, format);
  const { createIncident } = await import('@/lib/server/queries/create-incident');
  const { ingestUpload } = await import('@/lib/server/ingest/ingest-upload');
  const { closeDb } = await import('@/lib/server/db/client');

  const incident = await createIncident({ name: `bench ${format}` });
  const started = performance.now();
  const rssWatch = watchRssPeak();
  const ingest = ingestUpload({
    incidentId: incident.id,
    name: FILE_NAMES[format],
    body: createReadStream(file, { highWaterMark: 1 << 20 }),
    redact: !process.argv.includes('--no-redact'),
  });
  const firstView = withViews ? await measureFirstView(incident.id, ingest) : null;
  const result = await ingest;
  const ingested = performance.now();
  const sampledPeak = rssWatch.stop();
  if (!result.ok) throw new Error(`ingest failed: ${result.error.message}`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const out: IngestResult = {
    format,
    events: result.source.events,
    mb: bytes / 1e6,
    ingestS: (ingested - started) / 1000,
    peakRssMb,
    sampledPeak,
    databaseMb: await databaseMb(),
    largest: await largestObjects(4),
  };
  if (!withViews) {
    await closeDb();
    return out;
  }

  const id = incident.id;
  const base = `/api/incidents/${id}`;
  const investigationRoute = (await import('@/app/api/incidents/[id]/investigation/route')) as unknown as AnyRoute;
  const timelineRoute = (await import('@/app/api/incidents/[id]/timeline/route')) as unknown as AnyRoute;

  if (!firstView) throw new Error('the first view was not seen before the ingest ended');
  // The analyzed view: what the page asks for once the upload is in: the investigation (for the
  // extent) and the timeline's overview histogram over the whole extent.
  let t = performance.now();
  const investigation = (await callRoute(investigationRoute, `${base}/investigation`, { id })) as { extent: { aligned: [number, number] | null } };
  const investigationMs = performance.now() - t;
  const { keptIncidentAnalysis } = await import('@/lib/server/analysis/incident-analysis');
  const { analysisFingerprint } = await import('@/lib/server/analysis/analysis-fingerprint');
  const { getAnalysisState } = await import('@/lib/server/queries/get-analysis-state');
  const { getDb } = await import('@/lib/server/db/client');
  const state = await getAnalysisState((await getDb()).prisma, id);
  const analyzed = keptIncidentAnalysis(id, analysisFingerprint(state, { alignment: true }));
  if (!analyzed) throw new Error('the investigation kept no analysis');
  const storedAnalysis = { computeMs: analyzed.computeMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  const extent = investigation.extent.aligned;
  if (!extent) throw new Error('investigation has no extent');
  const [from, to] = extent;
  t = performance.now();
  await callRoute(timelineRoute, `${base}/timeline?from=${from}&to=${to + 1}&columns=1000`, { id });
  const timelineMs = performance.now() - t;
  const analyzedView = { fromStartS: (performance.now() - started) / 1000, investigationMs, timelineMs };

  const requestTimes = await timeRequests(id, records, 8);

  // The overview histogram at several zoom levels, centred on the middle of the extent.
  const span = to - from;
  const middle = from + span / 2;
  const windows: [string, number][] = [
    ['whole', span],
    ['1/10', span / 10],
    ['1/100', span / 100],
    ['5,000 events', (span * 5000) / Math.max(1, out.events)],
  ];
  const zoomMs: ViewResult['zoomMs'] = [];
  for (const [label, width] of windows) {
    const a = label === 'whole' ? from : middle - width / 2;
    const b = label === 'whole' ? to + 1 : middle + width / 2;
    const times: number[] = [];
    let mode = '';
    for (let run = 0; run < ZOOM_RUNS; run++) {
      t = performance.now();
      const slice = (await callRoute(timelineRoute, `${base}/timeline?from=${a}&to=${b}&columns=1000`, { id })) as Record<string, unknown>;
      times.push(performance.now() - t);
      mode = 'bins' in slice && slice.bins ? 'bins' : 'events';
    }
    times.sort((x, y) => x - y);
    zoomMs.push({ label, from: a, to: b, medianMs: quantile(times, 0.5), maxMs: times[times.length - 1] ?? NaN, mode });
  }
  await closeDb();
  out.views = {
    firstView,
    analyzedView,
    storedAnalysis,
    ...requestTimes,
    zoomMs,
  };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parent.

interface Row {
  engine: string;
  measure: string;
  result: string;
  target: string;
  met: boolean | null;
}

const n = (value: number, digits = 0): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function spawnChild(args: string[], env: NodeJS.ProcessEnv): { ok: true; stdout: string } | { ok: false; reason: string } {
  const child = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, env });
  if (child.stderr) process.stderr.write(child.stderr);
  if (child.status === 0) return { ok: true, stdout: child.stdout };
  const lines = (child.stderr ?? '').split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const reason =
    lines.find((line) => /error/i.test(line) && !/error:?$/i.test(line) && !line.startsWith('at ')) ?? lines[lines.length - 1] ?? `exit ${child.status ?? child.signal}`;
  return { ok: false, reason: reason.slice(0, 160) };
}

/** The stored analysis again, each in a fresh process (ANALYSIS_RUNS - 1 of them), or why not. */
function storedAnalysisRepeats(script: string, dir: string, tag: string, env: NodeJS.ProcessEnv): StoredAnalysis[] | string {
  const runs: StoredAnalysis[] = [];
  for (let run = 1; run < ANALYSIS_RUNS; run++) {
    console.error(`bench: the stored analysis again, in a fresh process (${run + 1} of ${ANALYSIS_RUNS})... (load average ${loadAverage()})`);
    const child = spawnChild([script, '--child', 'stored-analysis', '--dir', dir, '--engine', tag], env);
    if (!child.ok) return child.reason;
    runs.push(lastJsonLine<StoredAnalysis>(child.stdout));
  }
  return runs;
}

function ingestRows(engine: string, label: string, result: IngestResult | string, kind: 'lines' | 'har' | 'har-large' | 'otlp'): Row[] {
  if (typeof result === 'string') return [{ engine, measure: label, result: `not available: ${result}`, target: '', met: null }];
  const perS = result.events / result.ingestS;
  const mbS = result.mb / result.ingestS;
  const { rssMb, atS, heapMb, externalMb } = result.sampledPeak;
  const sampled = `sampled ${n(rssMb)} MB at ${n(atS, 1)} s: heap ${n(heapMb)} MB, buffers ${n(externalMb)} MB`;
  const rss = `peak RSS ${n(result.peakRssMb)} MB (${sampled})`;
  if (kind === 'har' || kind === 'har-large') {
    // The guide's two HAR targets: up to 256 MB, and larger files streamed.
    const [minMbS, target] = kind === 'har' ? [140, '>= 140 MB/s'] : [50, 'streamed at >= 50 MB/s'];
    return [{
      engine,
      measure: label,
      result: `${n(mbS, 1)} MB/s (${n(result.mb)} MB, ${n(result.events)} entries, ${n(result.ingestS, 2)} s, ${rss})`,
      target: `${target}; RSS <= 600 MB`,
      met: mbS >= minMbS && result.peakRssMb <= 600,
    }];
  }
  if (kind === 'otlp') {
    return [{
      engine,
      measure: label,
      result: `${n(perS)} spans/s (${n(result.mb)} MB, ${n(result.ingestS, 2)} s, ${n(mbS, 1)} MB/s, ${rss})`,
      target: 'none of its own; JSONL\'s >= 200,000/s; RSS <= 600 MB',
      met: perS >= 200_000 && result.peakRssMb <= 600,
    }];
  }
  const rows: Row[] = [{
    engine,
    measure: label,
    result: `${n(perS)} events/s, ${n(mbS, 1)} MB/s, ${n(result.ingestS, 2)} s (${n(result.mb)} MB), ${rss}`,
    target: '>= 200,000 events/s, >= 50 MB/s (1M in <= 5 s); RSS <= 600 MB',
    met: perS >= 200_000 && mbS >= 50 && result.peakRssMb <= 600,
  }];
  if (label.includes('JSONL')) {
    const ratio = result.databaseMb / result.mb;
    rows.push({
      engine,
      measure: 'storage of the JSONL upload, with indexes (the database alone; beside it the stored upload, which events point into)',
      result: `${n(result.databaseMb)} MB, ${n(ratio, 2)}x the raw JSONL (the largest: ${result.largest.map((o) => `${o.name} ${n(o.mb)} MB`).join(', ')})`,
      target: '<= 1.0x the raw JSONL (SQLite)',
      met: engine === 'SQLite' ? ratio <= 1 : null,
    });
  }
  return rows;
}

function viewRows(engine: string, result: IngestResult | string | undefined, parts: Set<Part>, records: number): Row[] {
  const rows: Row[] = [];
  const missing = (measure: string, reason: string): Row => ({ engine, measure, result: `not available: ${reason}`, target: '', met: null });
  const views = typeof result === 'object' ? result.views : undefined;
  const reason = typeof result === 'string' ? result : 'not run';
  if (parts.has('firstview')) {
    if (!views) rows.push(missing(`time to first view, ${n(records)} JSONL events`, reason));
    else {
      const first = views.firstView;
      const analyzed = views.analyzedView;
      rows.push({
        engine,
        measure: `time to first view, ${n(records)} JSONL events (events page and overview while ingesting)`,
        result: `${n(first.afterBytesS, 2)} s after the bytes arrived (events page ${n(first.eventsPageMs)} ms, overview ${n(first.overviewMs)} ms, ${n(first.eventsSoFar)} events in so far)`,
        target: '<= 1 s after the bytes arrive',
        met: first.afterBytesS <= 1,
      });
      rows.push({
        engine,
        measure: `time to the analyzed view, ${n(records)} JSONL events (timeline and findings)`,
        result: `${n(analyzed.fromStartS, 2)} s from the upload's start (ingest ${n((result as IngestResult).ingestS, 2)} s, then investigation ${n(analyzed.investigationMs)} ms, timeline overview ${n(analyzed.timelineMs)} ms)`,
        target: 'none (ingest + analysis targets)',
        met: null,
      });
      const stored = views.storedAnalysis;
      const repeats = Array.isArray(views.storedRepeats) ? views.storedRepeats : [];
      const times = [stored, ...repeats].map((run) => run.computeMs).sort((a, b) => a - b);
      const median = quantile(times, 0.5);
      const freshRss = Math.max(0, ...repeats.map((run) => run.peakRssMb));
      const seconds = (ms: number) => n(ms / 1000, 2);
      rows.push({
        engine,
        measure: `analysis of the ${n(records)} stored events, as the first investigation runs it (load from the database, then analyze; median of ${times.length} runs)`,
        result:
          `${seconds(median)} s (in the process that ingested the file ${seconds(stored.computeMs)} s, peak RSS ${n(stored.peakRssMb)} MB with the ingest's ${n((result as IngestResult).peakRssMb)} MB; ` +
          (typeof views.storedRepeats === 'string' ? `again in a fresh process: failed, ${views.storedRepeats})` : `again in fresh processes ${repeats.map((run) => seconds(run.computeMs)).join(' and ')} s, peak RSS ${n(freshRss)} MB)`),
        target: '<= 5 s, <= 1 GB RSS (the analysis target, with the load)',
        met: median <= 5000 && Math.max(stored.peakRssMb, freshRss) <= 1024,
      });
    }
  }
  if (parts.has('request')) {
    if (!views) {
      rows.push(missing('one request\'s timeline, API', reason));
      rows.push(missing('one request\'s events, database lookup', reason));
    } else {
      const r = views.requestMs;
      rows.push({
        engine,
        measure: `one request's timeline, GET /requests/{key} (${r.samples} random)`,
        result: `p50 ${n(r.p50, 2)} / p95 ${n(r.p95, 2)} / p99 ${n(r.p99, 2)} ms`,
        target: 'p95 <= 10 ms',
        met: r.p95 <= 10,
      });
      rows.push({
        engine,
        measure: `one request's events, database lookup alone (one statement: key index, events by id), ${n(REQUEST_SAMPLES)} random requests not looked up before in the process`,
        result: lookupResult(views),
        target: 'p99 <= 1 ms',
        met: views.lookupFirstMs.p99 <= 1,
      });
      const trip = views.roundTripMs;
      if (trip) {
        rows.push({
          engine,
          measure: `a round trip to the server doing no work (SELECT $1), ${n(views.requestMs.samples)} in a row: the floor under the lookup`,
          result: `p50 ${n(trip.p50, 2)} / p99 ${n(trip.p99, 2)} / max ${n(trip.max, 2)} ms`,
          target: 'none of its own',
          met: null,
        });
      }
      rows.push({
        engine,
        measure: 'one request\'s events, listEvents (visible sources, lookup, DTOs)',
        result: `p50 ${n(views.listMs.p50, 2)} / p95 ${n(views.listMs.p95, 2)} / p99 ${n(views.listMs.p99, 2)} ms`,
        target: 'none of its own',
        met: null,
      });
    }
  }
  if (parts.has('zoom')) {
    if (!views) rows.push(missing('overview histogram, GET /timeline columns=1000', reason));
    else
      for (const z of views.zoomMs) {
        const limit = z.label.startsWith('5,000') ? 20 : 50;
        rows.push({
          engine,
          measure: `GET /timeline columns=1000, ${z.label}${z.label === 'whole' ? ' extent' : ''} (${z.mode})`,
          result: `${n(z.medianMs, 1)} ms median of ${ZOOM_RUNS} (max ${n(z.maxMs, 1)})`,
          target: `<= ${limit} ms`,
          met: z.medianMs <= limit,
        });
      }
  }
  return rows;
}

function printTable(rows: Row[]): void {
  console.log('| engine | measure | result | target | met |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.engine} | ${r.measure} | ${r.result} | ${r.target} | ${r.met === null ? '-' : r.met ? 'yes' : 'NO'} |`);
}

function loadAverage(): string {
  return os.loadavg().map((v) => v.toFixed(2)).join(', ');
}

function parseParts(): Set<Part> {
  const only = argValue('--only');
  if (!only) return new Set(PARTS);
  const parts = new Set<Part>();
  for (const name of only.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (name === 'ingest') for (const p of INGEST_FORMATS) parts.add(p);
    else if ((PARTS as readonly string[]).includes(name)) parts.add(name as Part);
    else throw new Error(`--only: unknown part ${name} (one of ingest, ${PARTS.join(', ')})`);
  }
  return parts;
}

/** The machine's calibration rows (bench-machine.ts): what the other rows' numbers depend on. */
function machineRows(script: string, jsonl: string): Row[] {
  console.error(`bench: calibrating the machine... (load average ${loadAverage()})`);
  const child = spawnChild([script, jsonl], process.env);
  if (!child.ok) return [{ engine: 'machine', measure: 'calibration', result: `failed: ${child.reason}`, target: '', met: null }];
  const { pageUs, parseS } = JSON.parse(child.stdout.trim()) as { pageUs: number; parseS: number };
  return [
    { engine: 'machine', measure: 'a page of memory touched for the first time (256 MB of them)', result: `${n(pageUs, 1)} us a page`, target: 'none: a fraction of a microsecond is usual; every memory-heavy row moves with it', met: null },
    { engine: 'machine', measure: 'split the JSONL by hand and JSON.parse each line (no storage)', result: `${n(parseS, 2)} s`, target: 'none: 1.13 s on the machine of the performance guide', met: null },
  ];
}

/**
 * The floor rows (bench-floor.ts): the performance guide's own prototype steps on this machine,
 * beside which the ingest targets read (what the bare work takes here, without what Witness
 * does besides).
 */
function floorRows(script: string, jsonl: string | null, har: string | null): Row[] {
  if (!jsonl && !har) return [];
  console.error(`bench: the guide's prototype steps on this machine... (load average ${loadAverage()})`);
  const child = spawnChild([script, ...(jsonl ? ['--jsonl', jsonl] : []), ...(har ? ['--har', har] : [])], process.env);
  if (!child.ok) return [{ engine: 'machine', measure: 'the guide\'s prototype steps', result: `failed: ${child.reason}`, target: '', met: null }];
  const floor = JSON.parse(child.stdout.trim()) as { ingestS?: number; events?: number; harS?: number; harMb?: number; harError?: string };
  const rows: Row[] = [];
  if (floor.ingestS !== undefined && floor.events !== undefined) {
    rows.push({
      engine: 'machine',
      measure: 'the guide\'s ingest prototype on the JSONL: parse in a worker, insert on the main thread into SQLite, 3 indexes after (no redaction, request keys, rollups or text offsets)',
      result: `${n(floor.ingestS, 2)} s, ${n(floor.events / floor.ingestS)} events/s`,
      target: 'none: 5.35 s (187,000 events/s) on the guide\'s machine, where the target is 200,000/s',
      met: null,
    });
  }
  if (har) {
    const { harS, harMb } = floor;
    const parsed = harS !== undefined && harMb !== undefined;
    rows.push({
      engine: 'machine',
      measure: `read the ${parsed ? `${n(harMb)} MB ` : ''}HAR and JSON.parse it whole (no storage)`,
      result: parsed ? `${n(harS, 2)} s, ${n(harMb / harS, 1)} MB/s` : `failed: ${floor.harError ?? 'no result'}`,
      target: 'none: 148 MB/s on the guide\'s machine (261 MB in 1.76 s), where the target is 140 MB/s',
      met: null,
    });
  }
  return rows;
}

/** The lookup row's result: requests looked up for the first time, then ones looked up just before. */
function lookupResult(times: RequestTimes): string {
  const { lookupFirstMs: first, lookupMs: again } = times;
  return `p50 ${n(first.p50, 2)} / p99 ${n(first.p99, 2)} ms (requests listEvents had just looked up: p50 ${n(again.p50, 2)} / p99 ${n(again.p99, 2)} ms)`;
}

/** `otherFormats`: formats besides JSON lines ingested in this run (PostgreSQL's database holds them too). */
function scaleRows(engine: string, result: ScaleResult | string, records: number, jsonlMb: number, otherFormats: boolean): Row[] {
  const stored = typeof result === 'object' ? n(result.storedEvents) : `~${n(records * (SCALE_INCIDENTS + 1))}`;
  const label = (what: string) =>
    `${what}, with ${stored} events stored (the JSON lines and ${SCALE_INCIDENTS} more incidents like them, ${SCALE_SHARED_IDS} of which hold the same request ids)`;
  if (typeof result === 'string') return [{ engine, measure: label('request lookups'), result: `not available: ${result}`, target: '', met: null }];
  const ingest = [...result.ingestS].sort((a, b) => a - b);
  const rates = ingest.map((s) => records / s);
  const rows: Row[] = [
    {
      engine,
      measure: label(`one request's events, database lookup alone, ${n(REQUEST_SAMPLES)} random requests not looked up before in the process`),
      result:
        lookupResult(result) +
        (result.roundTripMs ? `; a round trip doing no work (SELECT $1), as many times: p50 ${n(result.roundTripMs.p50, 2)} / p99 ${n(result.roundTripMs.p99, 2)} ms` : '') +
        (result.autovacuum ? `; autovacuum workers at work when the timing began and ended: ${result.autovacuum[0]}, ${result.autovacuum[1]}` : ''),
      target: 'p99 <= 1 ms',
      met: result.lookupFirstMs.p99 <= 1,
    },
    {
      engine,
      measure: label(`one request's timeline, GET /requests/{key} (${n(result.requestMs.samples)} random)`),
      result: `p50 ${n(result.requestMs.p50, 2)} / p95 ${n(result.requestMs.p95, 2)} / p99 ${n(result.requestMs.p99, 2)} ms (listEvents p95 ${n(result.listMs.p95, 2)} ms)`,
      target: 'p95 <= 10 ms',
      met: result.requestMs.p95 <= 10,
    },
    {
      engine,
      measure: `ingest JSONL, ${n(records)} records, as the 2nd to ${SCALE_INCIDENTS + 1}th incident of JSON lines in the database (${SCALE_INCIDENTS} runs, one process)`,
      result: `${n(Math.min(...rates))}-${n(Math.max(...rates))} events/s (${n(ingest[0]!, 2)}-${n(ingest[ingest.length - 1]!, 2)} s), peak RSS ${n(result.ingestPeakRssMb)} MB`,
      target: '>= 200,000 events/s; RSS <= 600 MB',
      met: Math.min(...rates) >= 200_000 && result.ingestPeakRssMb <= 600,
    },
  ];
  // SQLite's JSON lines database holds these incidents alone; PostgreSQL's every format's.
  const rawMb = jsonlMb + result.ingestedMb;
  const ratio = engine === 'SQLite' ? `, ${n(result.databaseMb / rawMb, 2)}x the raw JSONL (${n(rawMb)} MB)` : otherFormats ? ' (with the other formats\' incidents)' : '';
  rows.push({ engine, measure: label('database size'), result: `${n(result.databaseMb)} MB${ratio}`, target: engine === 'SQLite' ? '<= 1.0x the raw JSONL (SQLite)' : 'none', met: engine === 'SQLite' ? result.databaseMb <= rawMb : null });
  return rows;
}

function commandPath(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

async function main(): Promise<void> {
  const records = Number(argValue('--records') ?? 1_000_000);
  const childFormat = argValue('--child') as Format | 'stored-analysis' | 'scale' | undefined;
  if (childFormat === 'stored-analysis') {
    console.log(JSON.stringify(await runStoredAnalysisChild(argValue('--dir') as string, argValue('--engine') as string)));
    return;
  }
  if (childFormat === 'scale') {
    console.log(JSON.stringify(await runScaleChild(records, argValue('--dir') as string, argValue('--engine') as string)));
    return;
  }
  if (childFormat) {
    const result = await runChild(childFormat, records, argValue('--dir') as string, argValue('--engine') as string, process.argv.includes('--views'));
    console.log(JSON.stringify(result));
    return;
  }

  const parts = parseParts();
  const script = process.argv[1] as string;
  const cpus = os.cpus();
  const startLoad = loadAverage();
  console.error(`bench: ${n(records)} records, parts ${[...parts].join(',')}; load average ${startLoad}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'witness-bench-'));
  const rows: Row[] = [];
  let temp: TempPostgres | null = null;
  try {
    // The evidence, generated once for every engine.
    const needViews = parts.has('firstview') || parts.has('request') || parts.has('zoom');
    const formats: Format[] = [];
    if (parts.has('jsonl') || needViews || parts.has('lnav') || parts.has('scale')) formats.push('jsonl');
    if (parts.has('logfmt')) formats.push('logfmt');
    if (parts.has('har')) formats.push('har');
    if (parts.has('harlarge')) formats.push('harlarge');
    if (parts.has('otlp')) formats.push('otlp');
    let harEntries = 0;
    let largeHarEntries = 0;
    for (const format of formats) {
      console.error(`bench: generating ${FILE_NAMES[format]}...`);
      const file = path.join(dir, FILE_NAMES[format]);
      if (format === 'jsonl') await writeBenchFile(file, records, toJsonLine);
      else if (format === 'logfmt') await writeBenchFile(file, records, toLogfmtLine);
      else if (format === 'har') harEntries = (await writeBenchHar(file, (HAR_BYTES * records) / 1_000_000)).entries;
      else if (format === 'harlarge') largeHarEntries = (await writeBenchHar(file, (HAR_LARGE_BYTES * records) / 1_000_000)).entries;
      else await writeBenchOtlp(file, records);
    }
    if (parts.has('scale')) {
      console.error(`bench: generating ${SCALE_INCIDENTS} more JSON lines files for scale...`);
      await writeScaleFiles(dir, records);
    }

    if (formats.includes('jsonl')) rows.push(...machineRows(path.join(path.dirname(script), 'bench-machine.ts'), path.join(dir, FILE_NAMES.jsonl)));
    const floorFile = (format: Format, part: Part) => (parts.has(part) && formats.includes(format) ? path.join(dir, FILE_NAMES[format]) : null);
    rows.push(...floorRows(path.join(path.dirname(script), 'bench-floor.ts'), floorFile('jsonl', 'jsonl'), floorFile('har', 'har')));

    // The engines: SQLite always; PostgreSQL given, or a throwaway cluster, or a reason why not.
    const engines: { name: string; url: string | null; unavailable?: string }[] = process.argv.includes('--no-sqlite') ? [] : [{ name: 'SQLite', url: null }];
    if (!process.argv.includes('--no-postgres')) {
      const given = argValue('--postgres') ?? process.env.BENCH_DATABASE_URL;
      if (given) engines.push({ name: 'PostgreSQL', url: given });
      else {
        try {
          temp = await startTempPostgres(argValues('--pg-setting'));
          engines.push({ name: 'PostgreSQL (temp cluster)', url: temp.url });
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
          engines.push({ name: 'PostgreSQL', url: null, unavailable: `no --postgres URL or BENCH_DATABASE_URL, and no temp cluster: ${message.slice(0, 120)}` });
        }
      }
    }

    let sqliteJsonlS: number | null = null;
    for (const engine of engines) {
      const tag = engine.name.startsWith('SQLite') ? 'sqlite' : 'postgres';
      // Every child of this engine: its database, and the same options.
      const env = { ...process.env };
      if (engine.url) env.DATABASE_URL = engine.url;
      else delete env.DATABASE_URL;
      const childArgs = (child: Format | 'scale') => [script, '--child', child, '--records', String(records), '--dir', dir, '--engine', tag, ...(process.argv.includes('--no-redact') ? ['--no-redact'] : [])];
      const results = new Map<Format, IngestResult | string>();
      for (const format of formats) {
        if (format === 'jsonl' && !parts.has('jsonl') && !needViews && !parts.has('scale')) continue;
        if (engine.unavailable) {
          results.set(format, engine.unavailable);
          continue;
        }
        const views = format === 'jsonl' && needViews;
        console.error(`bench: ${engine.name}: ${format}${views ? ' + queries' : ''}... (load average ${loadAverage()})`);
        const child = spawnChild([...childArgs(format), ...(views ? ['--views'] : [])], env);
        if (child.ok) {
          const result = lastJsonLine<IngestResult>(child.stdout);
          // Right after the ingest, before the next format's adds to a PostgreSQL database.
          if (result.views) result.views.storedRepeats = storedAnalysisRepeats(script, dir, tag, env);
          results.set(format, result);
        } else results.set(format, child.reason);
        // One broken engine should not cost the time of its every row: skip the rest of it.
        if (!child.ok && tag === 'postgres' && format === formats[0]) engine.unavailable = child.reason;
      }
      const jsonl = results.get('jsonl');
      if (tag === 'sqlite' && typeof jsonl === 'object') sqliteJsonlS = jsonl.ingestS;
      if (parts.has('jsonl') && jsonl !== undefined) rows.push(...ingestRows(engine.name, `ingest JSONL, ${n(records)} records`, jsonl, 'lines'));
      const logfmt = results.get('logfmt');
      if (logfmt !== undefined) rows.push(...ingestRows(engine.name, `ingest logfmt, ${n(records)} records`, logfmt, 'lines'));
      const har = results.get('har');
      if (har !== undefined) rows.push(...ingestRows(engine.name, `ingest HAR, ~${n(HAR_BYTES * records / 1e12)} MB (${n(harEntries)} entries)`, har, 'har'));
      const largeHar = results.get('harlarge');
      const largeLabel = `ingest HAR, ~${n(HAR_LARGE_BYTES * records / 1e12)} MB (${n(largeHarEntries)} entries), streamed`;
      if (largeHar !== undefined) rows.push(...ingestRows(engine.name, largeLabel, largeHar, 'har-large'));
      const otlp = results.get('otlp');
      if (otlp !== undefined) rows.push(...ingestRows(engine.name, `ingest OTLP JSON, ${n(records)} spans`, otlp, 'otlp'));
      if (needViews) rows.push(...viewRows(engine.name, jsonl, parts, records));
      if (parts.has('scale')) {
        // Last: the incidents it adds would be in every other row's database.
        let scale: ScaleResult | string = engine.unavailable ?? (typeof jsonl === 'string' ? jsonl : 'the JSON lines were not ingested');
        if (!engine.unavailable && typeof jsonl === 'object') {
          console.error(`bench: ${engine.name}: scale, ${SCALE_INCIDENTS} more incidents... (load average ${loadAverage()})`);
          const child = spawnChild(childArgs('scale'), env);
          scale = child.ok ? lastJsonLine<ScaleResult>(child.stdout) : child.reason;
        }
        rows.push(...scaleRows(engine.name, scale, records, typeof jsonl === 'object' ? jsonl.mb : NaN, formats.some((f) => f !== 'jsonl')));
      }
    }

    if (parts.has('analyze')) {
      const totals: number[] = [];
      let rss = 0;
      let failure: string | null = null;
      for (let run = 0; run < ANALYSIS_RUNS && failure === null; run++) {
        console.error(`bench: analysis of ${n(records)} events (${run + 1} of ${ANALYSIS_RUNS})... (load average ${loadAverage()})`);
        const child = spawnChild([path.join(path.dirname(script), 'bench-analyze.ts'), '--events', String(records)], process.env);
        if (!child.ok) failure = child.reason;
        else {
          totals.push(Number(/\| total \| (\d+) \|/.exec(child.stdout)?.[1] ?? NaN));
          rss = Math.max(rss, Number(/peak RSS: (\d+) MB/.exec(child.stdout)?.[1] ?? NaN));
        }
      }
      if (failure !== null) rows.push({ engine: 'in memory', measure: `analysis of ${n(records)} events`, result: `failed: ${failure}`, target: '<= 5 s, <= 1 GB RSS', met: false });
      else {
        const runs = [...totals].sort((a, b) => a - b);
        const median = quantile(runs, 0.5);
        rows.push({
          engine: 'in memory',
          measure: `analysis (identity, alignment, state, findings) of ${n(records)} events (median of ${runs.length} runs, each in a fresh process)`,
          result: `${n(median / 1000, 2)} s (runs ${totals.map((ms) => n(ms / 1000, 2)).join(', ')} s), peak RSS ${n(rss)} MB`,
          target: '<= 5 s, <= 1 GB RSS',
          met: median <= 5000 && rss <= 1024,
        });
      }
    }

    if (parts.has('lnav')) {
      const lnav = commandPath('lnav');
      if (!lnav) rows.push({ engine: 'lnav', measure: 'lnav loading the same JSONL', result: 'lnav not installed', target: 'peer: 1.64 s for 1M (guide)', met: null });
      else {
        const t = performance.now();
        const run = spawnSync(lnav, ['-n', '-c', ':quit', path.join(dir, FILE_NAMES.jsonl)], { stdio: 'ignore', env: { ...process.env, HOME: dir } });
        const s = (performance.now() - t) / 1000;
        const ratio = sqliteJsonlS === null ? '' : `; Witness SQLite ingest takes ${n(sqliteJsonlS / s, 1)}x as long`;
        rows.push({ engine: 'lnav', measure: 'lnav -n -c :quit on the same JSONL', result: run.status === 0 ? `${n(s, 2)} s${ratio}` : `failed (exit ${run.status})`, target: 'peer, no target', met: null });
      }
    }
  } finally {
    if (temp) {
      try {
        temp.stop();
      } catch (error) {
        console.error('bench: could not stop the temporary PostgreSQL cluster:', error);
      }
    }
    if (process.argv.includes('--keep')) console.error(`bench: kept ${dir}`);
    else if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }

  console.log(`machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average (1, 5, 15 min) at start ${startLoad}, at end ${loadAverage()}`);
  console.log(`records: ${n(records)}${process.argv.includes('--no-redact') ? ', redaction on upload off' : ''}`);
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
