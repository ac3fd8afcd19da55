/**
 * Spans and the log records inside them (OTLP span events, Jaeger span logs) to EvidenceEvents,
 * shared by the OTLP, Jaeger and Zipkin parsers so the three trace formats read alike.
 *
 * Model:
 * - A span is one event: ts = start, interval = [start, end], service = the format's service
 *   (OTLP resource `service.name`, Jaeger `process.serviceName`, Zipkin
 *   `localEndpoint.serviceName`), name = span / operation name, ids from the span itself.
 * - status = the span status, "OK" or "ERROR"; unset spans fall back to an HTTP status tag
 *   (`http.status_code`...), else null. level = "error" for an ERROR span, else a `level` tag,
 *   else null (spans have no log level).
 * - The span's tags/attributes are kept flat, as the tracer wrote them, and are also read as a
 *   record by record.ts, so a `request_id` tag joins the span to that request (spec section 3).
 *   Context (resource attributes as `resource.*`, Jaeger process tags as `process.*`, the span
 *   kind as `span.kind` in lower case, the instrumentation scope) is kept but not searched.
 * - A log inside a span is its own event (level, message and time of its own; HotROD writes
 *   its logs this way), with ids.spanId = its span, and locator `{ index }`: the 0-based
 *   position among the file's non-span records, because a span's locator names the span.
 */
import type { EpochMs, EvidenceEvent, Locator } from '../event';
import { normalizeSpanId, normalizeTraceId } from './fields/ids';
import type { JsonObject } from './json-values';
import { normalizeRecord } from './record';

export type SpanStatus = 'OK' | 'ERROR';

export interface SpanRecord {
  locator: Locator;
  raw: string;
  sourceName: string;
  service: string | null;
  name: string | null;
  startMs: EpochMs | null;
  endMs: EpochMs | null;
  status: SpanStatus | null;
  statusMessage: string | null;
  traceId: unknown;
  spanId: unknown;
  parentSpanId: unknown;
  /** Span attributes / tags, flat: kept and searched for identity, level, HTTP status. */
  tags: JsonObject;
  /** Where the span ran: kept, not searched. */
  context: JsonObject;
}

export function spanEvent(s: SpanRecord): EvidenceEvent {
  const base = normalizeRecord({ fields: s.tags, locator: s.locator, raw: s.raw, sourceName: s.sourceName });
  const start = s.startMs;
  const end = s.endMs;
  return {
    locator: s.locator,
    ts: start,
    interval: start !== null && end !== null && end >= start ? [start, end] : null,
    service: s.service ?? base.service,
    level: s.status === 'ERROR' ? 'error' : base.level,
    name: s.name ?? base.name,
    status: s.status ?? base.status,
    message: s.statusMessage ?? base.message,
    ids: {
      ...base.ids,
      traceId: normalizeTraceId(s.traceId) ?? base.ids.traceId,
      // A span's own id is never taken from a tag: a tag may name another span.
      spanId: normalizeSpanId(s.spanId),
      parentSpanId: normalizeSpanId(s.parentSpanId) ?? base.ids.parentSpanId,
    },
    attributes: { ...s.context, ...base.attributes },
    raw: s.raw,
    unparsed: false,
  };
}

export interface SpanLogRecord {
  locator: Locator;
  raw: string;
  sourceName: string;
  service: string | null;
  ts: EpochMs | null;
  /** The OTLP event name, or null (Jaeger logs carry their message in fields). */
  name: string | null;
  fields: JsonObject;
  /** Normalized ids of the enclosing span. */
  traceId: string | null;
  spanId: string | null;
  spanName: string | null;
}

export function spanLogEvent(l: SpanLogRecord): EvidenceEvent {
  const base = normalizeRecord({ fields: l.fields, locator: l.locator, raw: l.raw, sourceName: l.sourceName });
  const exception = l.name === 'exception' || base.name === 'error';
  const exceptionMessage = l.fields['exception.message'];
  const name = l.name ?? base.name;
  const attributes: JsonObject = { ...base.attributes };
  if (l.spanName !== null) attributes['span.name'] = l.spanName;
  return {
    locator: l.locator,
    ts: l.ts,
    interval: null,
    service: l.service ?? base.service,
    level: base.level ?? (exception ? 'error' : 'info'),
    name,
    status: base.status,
    message: base.message ?? (typeof exceptionMessage === 'string' ? exceptionMessage : name) ?? summary(l.fields),
    ids: {
      ...base.ids,
      traceId: l.traceId ?? base.ids.traceId,
      spanId: l.spanId ?? base.ids.spanId,
    },
    attributes,
    raw: l.raw,
    unparsed: false,
  };
}

/** `k=v k2=v2`: the message of a log that has only fields (a Jaeger log without `event`). */
function summary(fields: JsonObject): string | null {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join(' ') : null;
}
