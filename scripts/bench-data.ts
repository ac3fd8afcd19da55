/**
 * Synthetic evidence for benchmarks: N log records of a handful of services, as JSON lines or
 * logfmt, shaped like the records of the performance guide (ts, level, service, request_id,
 * trace_id, msg and a few attributes; about 250 bytes a JSON line), and the same records as the
 * entries of a HAR (writeBenchHar) or the spans of OTLP/JSON (writeBenchOtlp). One generator per
 * format. Deterministic for a seed, written in 1 MiB blocks so generating 250 MB needs little
 * memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '@/lib/domain/prng';

const SERVICES = ['cart-api', 'checkout', 'inventory', 'payments', 'frontend'];
const LEVELS = ['info', 'info', 'info', 'info', 'debug', 'warn', 'error'];
const MESSAGES = ['request completed', 'cache miss for item', 'reserved stock', 'charge accepted', 'retrying upstream call', 'rendered page'];


function hex(random: () => number, digits: number): string {
  let s = '';
  while (s.length < digits) s += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, digits);
}

export interface BenchRecord {
  ts: string;
  level: string;
  service: string;
  request_id: string;
  trace_id: string;
  msg: string;
  item_id: number;
  duration_ms: number;
  user: string;
  region: string;
}

export function* benchRecords(count: number, seed = 42): Generator<BenchRecord> {
  const random = mulberry32(seed);
  const start = Date.UTC(2026, 10, 20, 10, 0, 0);
  for (let i = 0; i < count; i++) {
    const request = Math.floor(i / 10); // ten records per request
    yield {
      ts: new Date(start + i * 3 + Math.floor(random() * 3)).toISOString(),
      level: LEVELS[Math.floor(random() * LEVELS.length)] as string,
      service: SERVICES[request % SERVICES.length] as string,
      request_id: `req-${request.toString(36).padStart(6, '0')}`,
      trace_id: hex(random, 32),
      msg: MESSAGES[Math.floor(random() * MESSAGES.length)] as string,
      item_id: Math.floor(random() * 10_000),
      duration_ms: Math.round(random() * 50_000) / 100,
      user: `user-${Math.floor(random() * 5000)}`,
      region: random() < 0.5 ? 'eu-west-1' : 'us-east-1',
    };
  }
}

export function toJsonLine(r: BenchRecord): string {
  return JSON.stringify(r);
}

export function toLogfmtLine(r: BenchRecord): string {
  return `ts=${r.ts} level=${r.level} service=${r.service} request_id=${r.request_id} trace_id=${r.trace_id} msg="${r.msg}" item_id=${r.item_id} duration_ms=${r.duration_ms} user=${r.user} region=${r.region}`;
}

/** Writes strings to `file` in blocks of about 1 MiB; returns the byte count. */
async function writeBlocks(file: string, parts: Iterable<string>): Promise<number> {
  const out = createWriteStream(file);
  let block = '';
  let bytes = 0;
  for (const part of parts) {
    block += part;
    if (block.length >= 1 << 20) {
      bytes += Buffer.byteLength(block);
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  bytes += Buffer.byteLength(block);
  out.end(block);
  await once(out, 'finish');
  return bytes;
}

/** Writes `count` records to `file`, one line each; returns the byte count. Another `seed`, other trace ids and times' jitter. */
export async function writeBenchFile(file: string, count: number, format: (r: BenchRecord) => string, seed?: number): Promise<number> {
  return writeBlocks(file, (function* () {
    for (const record of benchRecords(count, seed)) yield format(record) + '\n';
  })());
}

/** One HAR entry per record: a GET of an item whose JSON response body is about 700 bytes. */
function harEntry(r: BenchRecord): string {
  const body = JSON.stringify({
    item_id: r.item_id,
    name: `item ${r.item_id}`,
    stock: r.item_id % 97,
    region: r.region,
    tags: ['bench', r.service, r.level],
    description: `${r.msg} for ${r.user} `.repeat(12),
  });
  const time = r.duration_ms;
  return JSON.stringify({
    startedDateTime: r.ts,
    time,
    request: {
      method: 'GET',
      url: `https://shop.example/api/items/${r.item_id}?request=${r.request_id}`,
      httpVersion: 'h2',
      headers: [
        { name: 'accept', value: 'application/json' },
        { name: 'x-request-id', value: r.request_id },
        { name: 'traceparent', value: `00-${r.trace_id}-${r.trace_id.slice(0, 16)}-01` },
      ],
      queryString: [{ name: 'request', value: r.request_id }],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: r.level === 'error' ? 500 : 200,
      statusText: r.level === 'error' ? 'Internal Server Error' : 'OK',
      httpVersion: 'h2',
      headers: [{ name: 'content-type', value: 'application/json; charset=utf-8' }],
      cookies: [],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { blocked: 0.5, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: Math.max(0, time - 1), receive: 0.4 },
  });
}

/** A HAR of at least `targetBytes` (one entry per bench record); returns the byte count and entries. */
export async function writeBenchHar(file: string, targetBytes: number): Promise<{ bytes: number; entries: number }> {
  let entries = 0;
  let written = 0;
  const bytes = await writeBlocks(file, (function* () {
    const head = '{"log":{"version":"1.2","creator":{"name":"witness-bench","version":"1"},"pages":[],"entries":[\n';
    written += head.length;
    yield head;
    for (const record of benchRecords(Number.MAX_SAFE_INTEGER)) {
      const entry = (entries === 0 ? '' : ',\n') + harEntry(record);
      entries++;
      written += entry.length;
      yield entry;
      if (written >= targetBytes) break;
    }
    yield '\n]}}\n';
  })());
  return { bytes, entries };
}

/**
 * `count` spans as OTLP/JSON, one ExportTraceServiceRequest of 1,000 spans (one service) a line,
 * as the collector's file exporter writes them. Ten spans a trace; the first is the root.
 */
export async function writeBenchOtlp(file: string, count: number): Promise<number> {
  const perLine = 1000;
  const nanos = (iso: string, plusMs: number): string => `${Date.parse(iso) + Math.round(plusMs)}000000`;
  return writeBlocks(file, (function* () {
    let spans: string[] = [];
    let service = '';
    const flush = (): string => {
      const line = `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"${service}"}}]},"scopeSpans":[{"scope":{"name":"bench"},"spans":[${spans.join(',')}]}]}]}\n`;
      spans = [];
      return line;
    };
    let i = 0;
    let traceId = '';
    for (const r of benchRecords(count)) {
      if (spans.length === 0) service = r.service;
      if (i % 10 === 0) traceId = r.trace_id;
      const spanId = traceId.slice(0, 12) + (i % 10).toString(16).padStart(4, '0');
      const parent = i % 10 === 0 ? undefined : traceId.slice(0, 12) + '0000';
      spans.push(JSON.stringify({
        traceId,
        spanId,
        ...(parent === undefined ? {} : { parentSpanId: parent }),
        name: `GET /api/items/{id}`,
        kind: 2,
        startTimeUnixNano: nanos(r.ts, 0),
        endTimeUnixNano: nanos(r.ts, r.duration_ms),
        attributes: [
          { key: 'request.id', value: { stringValue: r.request_id } },
          { key: 'item.id', value: { intValue: String(r.item_id) } },
          { key: 'user', value: { stringValue: r.user } },
          { key: 'cloud.region', value: { stringValue: r.region } },
        ],
        status: r.level === 'error' ? { code: 2, message: r.msg } : { code: 1 },
      }));
      i++;
      if (spans.length === perLine) yield flush();
    }
    if (spans.length > 0) yield flush();
  })());
}
