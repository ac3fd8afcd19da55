/**
 * The normalized evidence event (spec section 2).
 *
 * Every record of every format becomes one EvidenceEvent. Parsers fill it once, at their edge:
 * times are milliseconds since the epoch (fractions keep sub-millisecond precision), ids are
 * normalized (trace and span ids lower-case hex, 64-bit trace ids left-padded to 128 bits), and
 * whatever the record says that has no normalized slot stays in `attributes`.
 *
 * Invariants:
 * - `raw` is the record's own text (a line, a JSON element, a span re-serialized): never empty
 *   for an unparsed event, so nothing is lost.
 * - `interval`, when present, is [start, end] with start <= end; `ts` is the time the source
 *   reports (a span's start, a log line's write time, which for a log with a duration is the end).
 * - `unparsed` events carry only locator, raw and the reason in `message`.
 */

/** Milliseconds since the Unix epoch, fractional. */
export type EpochMs = number;

/** Where a record came from inside its source. Exactly one key. */
export type Locator = { line: number } | { index: number } | { spanId: string };

export interface EvidenceEvent {
  locator: Locator;
  ts: EpochMs | null;
  interval: [EpochMs, EpochMs] | null;
  service: string | null;
  level: string | null;
  name: string | null;
  status: string | null;
  message: string | null;
  /** Request identity (spec section 3), already normalized. */
  ids: EventIds;
  /** Every other field of the record, with nested objects kept as objects. */
  attributes: Record<string, unknown>;
  raw: string;
  unparsed: boolean;
}

export interface EventIds {
  /** request_id, requestId, req_id, reqId, x-request-id, x_request_id. */
  requestId: string | null;
  /** correlation_id, correlationId. */
  correlationId: string | null;
  /** trace_id, traceId, trace.id, traceparent, x-b3-traceid, span trace ids: 32 lower-case hex when hex. */
  traceId: string | null;
  /** The span this record is (spans) or was written inside (logs with span_id): lower-case hex. */
  spanId: string | null;
  /** The span that contains this one (OTLP parentSpanId, Zipkin parentId, Jaeger CHILD_OF). */
  parentSpanId: string | null;
  /** session_id, sessionId, client_id, clientId. */
  sessionId: string | null;
}

export const NO_IDS: EventIds = Object.freeze({
  requestId: null,
  correlationId: null,
  traceId: null,
  spanId: null,
  parentSpanId: null,
  sessionId: null,
});

/** Builds the event for a record that could not be parsed: its text and where it was, never dropped. */
export function unparsedEvent(locator: Locator, raw: string, reason: string): EvidenceEvent {
  return {
    locator,
    ts: null,
    interval: null,
    service: null,
    level: null,
    name: null,
    status: null,
    message: reason,
    ids: { ...NO_IDS },
    attributes: {},
    raw,
    unparsed: true,
  };
}

/** A problem found while parsing: always names where, and why. */
export interface Diagnostic {
  locator: Locator | null;
  /** Stable machine-readable code, e.g. `invalid-json`, `duplicate-span-id`, `missing-timestamp`. */
  code: string;
  message: string;
}

export function describeLocator(locator: Locator): string {
  if ('line' in locator) return `line ${locator.line}`;
  if ('index' in locator) return `index ${locator.index}`;
  return `span ${locator.spanId}`;
}
