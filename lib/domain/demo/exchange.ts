/**
 * The timing of one HTTP exchange through the edge gateway, in TRUE time:
 *
 *   browser  [client.start ........................................ client.end]
 *   gateway      [gateway.start ................................ gateway.end]
 *   service          [server.start ........................ server.end]
 *
 * Each hop adds a few milliseconds of network latency on both sides, so every interval
 * contains the one inside it tightly. That is what makes the clocks recoverable (spec section
 * 4): the containment of a service's work inside a browser's HAR entry bounds the service's
 * offset to [skew - latency out, skew + latency in], a window of a few milliseconds.
 */
import type { LineLog } from './evidence-files';
import { logfmt, iso } from './evidence-files';
import type { Rng } from '../prng';

export interface Span2 {
  start: number;
  end: number;
}

export interface Exchange {
  client: Span2;
  gateway: Span2;
  server: Span2;
}

export function exchange(rng: Rng, clientStart: number, serverMs: number): Exchange {
  const up1 = rng.int(3, 9);
  const up2 = rng.int(1, 3);
  const down2 = rng.int(1, 3);
  const down1 = rng.int(3, 9);
  const gwStart = clientStart + up1;
  const srvStart = gwStart + up2;
  const srvEnd = srvStart + serverMs;
  const gwEnd = srvEnd + down2;
  return {
    client: { start: clientStart, end: gwEnd + down1 },
    gateway: { start: gwStart, end: gwEnd },
    server: { start: srvStart, end: srvEnd },
  };
}

/** A point in [start + margin, end - margin]: work done inside an interval. */
export function within(rng: Rng, span: Span2, margin = 1): number {
  const lo = span.start + margin;
  const hi = span.end - margin;
  return hi <= lo ? Math.round((span.start + span.end) / 2) : rng.int(lo, hi);
}

export function uuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;
}

export interface GatewayRecord {
  method: string;
  path: string;
  requestId: string;
  code: number;
  upstream: string;
  client?: string;
}

/**
 * The edge gateway's access line (logfmt, written when the response went out, with the time it
 * took). It never carries entity state: its HTTP status is `response_code`, not `status`.
 */
export function gatewayLine(gateway: LineLog, rng: Rng, span: Span2, r: GatewayRecord): void {
  const bytes = rng.int(180, 4200);
  gateway.add(span.end, (host) =>
    logfmt([
      ['ts', iso(host)],
      ['level', r.code >= 500 ? 'error' : 'info'],
      ['svc', 'edge-gateway'],
      ['method', r.method],
      ['path', r.path],
      ['request_id', r.requestId],
      ['upstream', r.upstream],
      ['response_code', r.code],
      ['bytes', bytes],
      ['duration_ms', span.end - span.start],
      ['client', r.client ?? 'browser'],
    ]),
  );
}
