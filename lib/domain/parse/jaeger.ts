/**
 * Jaeger JSON (the query API / UI "Download JSON" format): one event per span, locator
 * `{ spanId }`; span logs are events of their own, locator `{ index }` (span-record.ts).
 *
 * Shapes: the `{"data": [trace...]}` envelope (its `errors` become diagnostics), a bare trace
 * object `{traceID, spans, processes}`, an array of traces, or a bare array of spans carrying
 * their `process` inline (jaeger-anonymizer output); also one document per line.
 *
 * Reading: times are microseconds (start, duration) -> milliseconds; service =
 * process.serviceName (via processID and the trace's `processes`, or inline); tags are typed
 * (`bool` tags written as the string "true" are true; int64 beyond 2^53 stays a string);
 * `error` = true or otel.status_code = ERROR makes the span ERROR; the parent is
 * `parentSpanID` or the first CHILD_OF reference (FOLLOWS_FROM is not containment).
 * jaeger-ui's enriched model (references[].span nested copies, depth, childSpanIds...) is read
 * without keeping the nested copies: `raw` drops them, or one span would hold its ancestry.
 * Span and trace `warnings` become diagnostics; a repeated span id, `duplicate-span-id`; a
 * trace id the UI wrote without its leading zero, `short-trace-id` (./id-notes.ts). All go
 * through one DiagnosticLimiter.
 */
import { unparsedEvent, type Locator } from '../event';
import { DiagnosticLimiter } from './diagnostic-limit';
import { normalizeSpanId, normalizeTraceId } from './fields/ids';
import { IdNotes } from './id-notes';
import { createJsonDocumentReader } from './json-documents';
import { arrayAt, excerpt, isObject, numberAt, objectAt, stringAt, type JsonObject } from './json-values';
import { spanEvent, spanLogEvent, type SpanStatus } from './span-record';
import { SpanKeySet } from './span-key-set';
import { FormatError, type IncrementalParser, type ParseContext, type ParseSink } from './types';

const EXPECTED = 'expected Jaeger JSON: {"data": [traces]}, a trace object {traceID, spans}, or an array of spans';

/** The UI model's derived fields: recomputable, and `span` copies make them large. */
const DERIVED = new Set(['depth', 'hasChildren', 'childSpanIds', 'relativeStartTime', 'subsidiarilyReferencedBy']);

/** A Jaeger typed key/value (`{key, type, value}`) to a plain value. */
export function tagValue(tag: JsonObject): unknown {
  const type = (stringAt(tag, 'type') ?? '').toLowerCase();
  const v = tag.value;
  if (type === 'bool') return v === true || v === 'true' ? true : v === false || v === 'false' ? false : v;
  if ((type === 'int64' || type === 'float64') && typeof v === 'string') {
    const n = Number(v);
    return (type === 'int64' ? Number.isSafeInteger(n) : Number.isFinite(n)) ? n : v;
  }
  return v;
}

function tagsOf(list: unknown[] | null): JsonObject {
  const out: JsonObject = {};
  for (const tag of list ?? []) {
    const key = stringAt(tag, 'key');
    if (key !== null && isObject(tag)) out[key] = tagValue(tag);
  }
  return out;
}

/** The span as written, without nested span copies and view-model fields. */
function rawOf(span: JsonObject): string {
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(span)) {
    if (DERIVED.has(key)) continue;
    if (key === 'references' && Array.isArray(value)) {
      copy.references = value.map((r) => (isObject(r) ? { refType: r.refType, traceID: r.traceID, spanID: r.spanID } : r));
    } else copy[key] = value;
  }
  return JSON.stringify(copy);
}

function statusOf(tags: JsonObject): SpanStatus | null {
  const otel = tags['otel.status_code'];
  if (tags.error === true || tags.error === 'true' || otel === 'ERROR') return 'ERROR';
  return otel === 'OK' ? 'OK' : null;
}

export function createJaegerParser(sink: ParseSink, { sourceName }: ParseContext): IncrementalParser {
  let recordIndex = 0;
  const seenSpans = new SpanKeySet();
  const problems = new DiagnosticLimiter(sink);
  const idNotes = new IdNotes(problems);

  const span = (s: unknown, processes: JsonObject | null): void => {
    if (!isObject(s)) {
      const locator: Locator = { index: recordIndex++ };
      const raw = JSON.stringify(s);
      sink.event(unparsedEvent(locator, raw, 'Jaeger span is not a JSON object'));
      problems.report(locator, 'not-an-object', `Jaeger span is not a JSON object: ${excerpt(raw)}`);
      return;
    }
    const traceId = normalizeTraceId(s.traceID);
    const spanId = normalizeSpanId(s.spanID);
    const locator: Locator = spanId !== null ? { spanId } : { index: recordIndex++ };
    idNotes.check(locator, s.traceID, s.spanID, s.parentSpanID);
    if (spanId === null) {
      problems.report(locator, 'missing-span-id', 'Jaeger span without a spanID');
    } else if (!seenSpans.add(traceId, spanId)) {
      problems.report(locator, 'duplicate-span-id', `this span id appears more than once in trace ${traceId ?? '(none)'}; both spans are kept`);
    }
    const processID = stringAt(s, 'processID');
    const process = objectAt(s, 'process') ?? (processID !== null ? objectAt(processes, processID) : null);
    const context: JsonObject = {};
    for (const [key, value] of Object.entries(tagsOf(arrayAt(process, 'tags')))) context[`process.${key}`] = value;
    const references = arrayAt(s, 'references') ?? [];
    const childOf = references.find((r) => stringAt(r, 'refType') === 'CHILD_OF');
    const parentSpanId = stringAt(s, 'parentSpanID') ?? stringAt(childOf, 'spanID');
    // The parent is a slot of its own; other references (FOLLOWS_FROM, extra parents) are kept.
    if (references.length > 1 || (references.length === 1 && childOf === undefined)) {
      context.references = references.map((r) => ({
        refType: stringAt(r, 'refType'),
        traceId: normalizeTraceId(stringAt(r, 'traceID')),
        spanId: normalizeSpanId(stringAt(r, 'spanID')),
      }));
    }
    const tags = tagsOf(arrayAt(s, 'tags'));
    const startUs = numberAt(s, 'startTime');
    const durationUs = numberAt(s, 'duration');
    const startMs = startUs !== null ? startUs / 1000 : null;
    const service = stringAt(process, 'serviceName');
    const name = stringAt(s, 'operationName');
    sink.event(
      spanEvent({
        locator,
        raw: rawOf(s),
        sourceName,
        service,
        name,
        startMs,
        endMs: startMs !== null && durationUs !== null ? startMs + durationUs / 1000 : null,
        status: statusOf(tags),
        statusMessage: null,
        traceId,
        spanId,
        parentSpanId,
        tags,
        context,
      }),
    );
    for (const log of arrayAt(s, 'logs') ?? []) {
      if (!isObject(log)) continue;
      const ts = numberAt(log, 'timestamp');
      sink.event(
        spanLogEvent({
          locator: { index: recordIndex++ },
          raw: JSON.stringify(log),
          sourceName,
          service,
          ts: ts !== null ? ts / 1000 : null,
          name: null,
          fields: tagsOf(arrayAt(log, 'fields')),
          traceId,
          spanId,
          spanName: name,
        }),
      );
    }
    for (const warning of arrayAt(s, 'warnings') ?? []) {
      if (typeof warning !== 'string') continue;
      problems.report(locator, 'jaeger-warning', warning);
    }
  };

  const trace = (t: JsonObject): void => {
    const processes = objectAt(t, 'processes');
    for (const s of arrayAt(t, 'spans') ?? []) span(s, processes);
    for (const warning of arrayAt(t, 'warnings') ?? []) {
      if (typeof warning === 'string') {
        problems.report(null, 'jaeger-warning', `trace ${stringAt(t, 'traceID') ?? ''}: ${warning}`);
      }
    }
  };

  const documentOf = (value: unknown): boolean => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isObject(item) && Array.isArray(item.spans)) trace(item);
        else span(item, null);
      }
      return true;
    }
    if (!isObject(value)) return false;
    if (Array.isArray(value.spans)) {
      trace(value);
      return true;
    }
    const data = arrayAt(value, 'data');
    if (data === null) return false;
    for (const t of data) if (isObject(t)) trace(t);
    for (const error of arrayAt(value, 'errors') ?? []) {
      const message = stringAt(error, 'msg') ?? stringAt(error, 'message') ?? JSON.stringify(error);
      problems.report(null, 'jaeger-error', `Jaeger reported an error: ${message}`);
    }
    return true;
  };

  const reader = createJsonDocumentReader('jaeger', EXPECTED, {
    document(value, line, raw) {
      if (documentOf(value)) return;
      if (line === null) throw new FormatError(`${EXPECTED}; found a JSON document of another shape`, 'jaeger');
      const locator: Locator = { line };
      sink.event(unparsedEvent(locator, raw, 'JSON line is not a Jaeger trace'));
      problems.report(locator, 'not-jaeger', `not a Jaeger trace: ${excerpt(raw)}`);
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
