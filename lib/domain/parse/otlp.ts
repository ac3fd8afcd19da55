/**
 * OTLP/JSON traces and logs: one event per span (locator `{ spanId }`) and per log record
 * (locator `{ index }`, 0-based among the file's non-span records in file order). Span events
 * (HotROD's log lines) are log records inside a span: each is an event of its own too, in the
 * same `index` sequence (span-record.ts).
 *
 * Accepted: ExportTraceServiceRequest / ExportLogsServiceRequest documents, pretty or minified,
 * in lowerCamelCase or protobuf snake_case, bare or wrapped as `{"result": {...}}` (Jaeger's
 * API v3), the older `instrumentationLibrary*` names, and one request per line (collector file
 * exporter). Ids in hex of any case or in base64 (protobuf's generic JSON mapping) become
 * lower-case hex.
 *
 * Diagnostics: `duplicate-span-id` for a span id seen before in the same trace (both events
 * kept); `missing-span-id` for a span without one; `base64-id` and `short-trace-id` for ids
 * rewritten to match (./id-notes.ts). A parent that is not in the file is normal (partial
 * exports) and is not reported. All go through one DiagnosticLimiter.
 */
import { unparsedEvent, type EvidenceEvent, type Locator } from '../event';
import { DiagnosticLimiter } from './diagnostic-limit';
import { normalizeSpanId, normalizeTraceId } from './fields/ids';
import { fromOtlpSeverity, normalizeLevel } from './fields/level';
import { createJsonDocumentReader } from './json-documents';
import { IdNotes } from './id-notes';
import { excerpt, isObject, type JsonObject } from './json-values';
import {
  anyValue,
  arrayField,
  field,
  keyValues,
  nanosToMs,
  spanKind,
  statusCode,
  stringField,
} from './otlp-values';
import { normalizeRecord } from './record';
import { SpanKeySet } from './span-key-set';
import { spanEvent, spanLogEvent } from './span-record';
import { FormatError, type IncrementalParser, type ParseContext, type ParseSink } from './types';

const EXPECTED = 'expected OTLP JSON: an object with resourceSpans or resourceLogs';

interface Scope {
  service: string | null;
  context: JsonObject;
}

/** severityNumber as a number, a numeric string or an enum name (`SEVERITY_NUMBER_WARN2`). */
function severityLevel(v: unknown): string | null {
  if (typeof v === 'number') return fromOtlpSeverity(v);
  if (typeof v !== 'string') return null;
  if (/^\d+$/.test(v)) return fromOtlpSeverity(Number(v));
  const name = /^SEVERITY_NUMBER_([A-Z]+)\d?$/i.exec(v)?.[1];
  return name !== undefined && name.toUpperCase() !== 'UNSPECIFIED' ? normalizeLevel(name) : null;
}

function unwrap(doc: unknown): unknown {
  const result = field(doc, 'result');
  return isObject(result) && !isObject(field(doc, 'resourceSpans')) ? result : doc;
}

function isRequest(doc: unknown): boolean {
  return Array.isArray(field(doc, 'resourceSpans')) || Array.isArray(field(doc, 'resourceLogs'));
}

/** Resource and instrumentation scope, as context shared by the records under them. */
function scopeOf(resource: unknown, scope: unknown): Scope {
  const resourceAttrs = keyValues(arrayField(field(resource, 'resource'), 'attributes'));
  const context: JsonObject = {};
  let service: string | null = null;
  for (const [key, value] of Object.entries(resourceAttrs)) {
    if (key === 'service.name' && typeof value === 'string' && value.length > 0) service = value;
    else context[`resource.${key}`] = value;
  }
  const scopeObj = field(scope, 'scope') ?? field(scope, 'instrumentationLibrary');
  const scopeName = stringField(scopeObj, 'name');
  if (scopeName !== null) context['otel.scope.name'] = scopeName;
  const scopeVersion = stringField(scopeObj, 'version');
  if (scopeVersion !== null) context['otel.scope.version'] = scopeVersion;
  return { service, context };
}

export function createOtlpParser(sink: ParseSink, { sourceName }: ParseContext): IncrementalParser {
  let recordIndex = 0;
  // Millions of spans: kept compactly (a string per span outgrew the parse worker's heap).
  const seenSpans = new SpanKeySet();
  const problems = new DiagnosticLimiter(sink);
  const idNotes = new IdNotes(problems);

  const span = (s: unknown, scope: Scope): void => {
    if (!isObject(s)) return;
    const raw = JSON.stringify(s);
    const traceId = normalizeTraceId(field(s, 'traceId'));
    const spanId = normalizeSpanId(field(s, 'spanId'));
    const locator: Locator = spanId !== null ? { spanId } : { index: recordIndex++ };
    idNotes.check(locator, field(s, 'traceId'), field(s, 'spanId'), field(s, 'parentSpanId'));
    if (spanId === null) {
      problems.report(locator, 'missing-span-id', 'OTLP span without a spanId');
    } else if (!seenSpans.add(traceId, spanId)) {
      problems.report(locator, 'duplicate-span-id', `this span id appears more than once in trace ${traceId ?? '(none)'}; both spans are kept`);
    }
    const status = field(s, 'status');
    const context: JsonObject = { ...scope.context };
    const kind = spanKind(field(s, 'kind'));
    if (kind !== null) context['span.kind'] = kind;
    const traceState = stringField(s, 'traceState');
    if (traceState !== null) context.traceState = traceState;
    const name = stringField(s, 'name');
    sink.event(
      spanEvent({
        locator,
        raw,
        sourceName,
        service: scope.service,
        name,
        startMs: nanosToMs(field(s, 'startTimeUnixNano')),
        endMs: nanosToMs(field(s, 'endTimeUnixNano')),
        status: statusCode(field(status, 'code')),
        statusMessage: stringField(status, 'message'),
        traceId,
        spanId,
        parentSpanId: field(s, 'parentSpanId'),
        tags: keyValues(arrayField(s, 'attributes')),
        context,
      }),
    );
    for (const e of arrayField(s, 'events')) {
      if (!isObject(e)) continue;
      sink.event(
        spanLogEvent({
          locator: { index: recordIndex++ },
          raw: JSON.stringify(e),
          sourceName,
          service: scope.service,
          ts: nanosToMs(field(e, 'timeUnixNano')),
          name: stringField(e, 'name'),
          fields: keyValues(arrayField(e, 'attributes')),
          traceId,
          spanId,
          spanName: name,
        }),
      );
    }
  };

  const logRecord = (r: unknown, scope: Scope): void => {
    if (!isObject(r)) return;
    const locator: Locator = { index: recordIndex++ };
    idNotes.check(locator, field(r, 'traceId'), field(r, 'spanId'));
    const ts = nanosToMs(field(r, 'timeUnixNano')) ?? nanosToMs(field(r, 'observedTimeUnixNano'));
    const attrs = keyValues(arrayField(r, 'attributes'));
    // The record's own time goes in as `ts` so record.ts turns a duration attribute into the
    // interval [ts - duration, ts] like for any other log record (spec section 2).
    const fields: JsonObject = ts !== null ? { ...attrs, ts } : attrs;
    const base = normalizeRecord({ fields, locator, raw: JSON.stringify(r), sourceName });
    const body = anyValue(field(r, 'body'));
    const event: EvidenceEvent = {
      ...base,
      service: scope.service ?? base.service,
      level: severityLevel(field(r, 'severityNumber')) ?? normalizeLevel(stringField(r, 'severityText')) ?? base.level,
      name: base.name ?? stringField(r, 'eventName'),
      message: typeof body === 'string' ? body : body !== null ? JSON.stringify(body) : base.message,
      ids: {
        ...base.ids,
        traceId: normalizeTraceId(field(r, 'traceId')) ?? base.ids.traceId,
        spanId: normalizeSpanId(field(r, 'spanId')) ?? base.ids.spanId,
      },
      attributes: { ...scope.context, ...base.attributes },
    };
    sink.event(event);
  };

  const request = (doc: unknown): void => {
    for (const rs of arrayField(doc, 'resourceSpans')) {
      for (const ss of arrayField(rs, 'scopeSpans', 'instrumentationLibrarySpans')) {
        const scope = scopeOf(rs, ss);
        for (const s of arrayField(ss, 'spans')) span(s, scope);
      }
    }
    for (const rl of arrayField(doc, 'resourceLogs')) {
      for (const sl of arrayField(rl, 'scopeLogs', 'instrumentationLibraryLogs')) {
        const scope = scopeOf(rl, sl);
        for (const r of arrayField(sl, 'logRecords')) logRecord(r, scope);
      }
    }
  };

  const reader = createJsonDocumentReader('otlp', EXPECTED, {
    document(value, line, raw) {
      const doc = unwrap(value);
      if (isRequest(doc)) return request(doc);
      if (line === null) throw new FormatError(`${EXPECTED}; found a JSON document of another shape`, 'otlp');
      const locator: Locator = { line };
      const reason = 'JSON line is not an OTLP request (no resourceSpans or resourceLogs)';
      sink.event(unparsedEvent(locator, raw, reason));
      problems.report(locator, 'not-otlp', `${reason}: ${excerpt(raw)}`);
    },
    badLine(text, line, error) {
      const locator: Locator = { line };
      sink.event(unparsedEvent(locator, text, `invalid JSON: ${error}`));
      problems.report(locator, 'invalid-json', `invalid JSON: ${error}: ${excerpt(text)}`);
    },
  });
  return {
    write: (chunk) => reader.write(chunk),
    end() {
      reader.end();
      idNotes.flush();
      problems.flush();
    },
  };
}

