/**
 * Synthetic evidence for benchmarks: N log records of a handful of services, as JSON lines or
 * logfmt, shaped like the records of the performance guide (ts, level, service, request_id,
 * trace_id, msg and a few attributes; about 250 bytes a JSON line). Deterministic for a seed,
 * written in 1 MiB blocks so generating 250 MB needs little memory.
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

/** Writes `count` records to `file`; returns the byte count. */
export async function writeBenchFile(file: string, count: number, format: (r: BenchRecord) => string): Promise<number> {
  const out = createWriteStream(file);
  let block = '';
  let bytes = 0;
  for (const record of benchRecords(count)) {
    block += format(record) + '\n';
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
