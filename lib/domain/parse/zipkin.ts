/**
 * Zipkin v2 JSON: an array of spans (or an array of traces, each an array of spans, as
 * /api/v2/traces returns). One event per span, locator `{ spanId }`; spans stream through the
 * array scanner, so a large trace dump is never one string.
 *
 * Reading: timestamp and duration are microseconds -> ms; service = localEndpoint.serviceName;
 * name = span name; tags stay flat; an `error` tag (any value: Zipkin puts the message or the
 * HTTP code there) makes the span ERROR; kind, shared, endpoints and annotations are kept as
 * attributes. Annotations are not events of their own: in Zipkin v2 they are bare strings
 * marking protocol milestones ("Headers Received", "ws"), not log records.
 *
 * Zipkin reports one span in several fragments that share the id (client and `shared` server
 * halves, late fragments carrying only tags): a repeated id is normal here and is not
 * diagnosed. A span without `timestamp` (such a fragment) is still an event, with ts null,
 * and gets a `missing-timestamp` diagnostic naming it. A trace id of 17-31 hex digits gets
 * `short-trace-id` (./id-notes.ts). All go through one DiagnosticLimiter.
 */
import { unparsedEvent, type Locator } from '../event';
import { DiagnosticLimiter } from './diagnostic-limit';
import { normalizeSpanId } from './fields/ids';
import { IdNotes } from './id-notes';
import { JsonArrayScanner } from './json-array-scanner';
import { excerpt, isObject, numberAt, objectAt, stringAt, tryParseJson, type JsonObject } from './json-values';
import { spanEvent } from './span-record';
import { FormatError, type IncrementalParser, type ParseContext, type ParseSink } from './types';

function tagsOf(span: JsonObject): JsonObject {
  const tags = objectAt(span, 'tags');
  return tags ? { ...tags } : {};
}

export function createZipkinParser(sink: ParseSink, { sourceName }: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const idNotes = new IdNotes(problems);
  const unparsed = (locator: Locator, raw: string, code: string, reason: string): void => {
    sink.event(unparsedEvent(locator, raw, reason));
    problems.report(locator, code, `${reason}: ${excerpt(raw)}`);
  };

  const span = (s: JsonObject, raw: string, index: number): void => {
    const spanId = normalizeSpanId(s.id);
    const locator: Locator = spanId !== null ? { spanId } : { index };
    idNotes.check(locator, s.traceId, s.id, s.parentId);
    if (spanId === null) problems.report(locator, 'missing-span-id', 'Zipkin span without an id');
    const timestampUs = numberAt(s, 'timestamp');
    const durationUs = numberAt(s, 'duration');
    if (timestampUs === null) {
      problems.add({
        locator,
        code: 'missing-timestamp',
        message: `span ${spanId ?? `at index ${index}`}: Zipkin span without a timestamp (a fragment of a span reported in parts); its time is unknown`,
      });
    }
    const startMs = timestampUs !== null ? timestampUs / 1000 : null;
    const tags = tagsOf(s);
    const context: JsonObject = {};
    const kind = stringAt(s, 'kind');
    if (kind !== null) context['span.kind'] = kind.toLowerCase();
    for (const key of ['shared', 'debug', 'localEndpoint', 'remoteEndpoint', 'annotations']) {
      if (s[key] !== undefined) context[key] = s[key];
    }
    sink.event(
      spanEvent({
        locator,
        raw,
        sourceName,
        service: stringAt(objectAt(s, 'localEndpoint'), 'serviceName'),
        name: stringAt(s, 'name'),
        startMs,
        endMs: startMs !== null && durationUs !== null ? startMs + durationUs / 1000 : null,
        status: 'error' in tags ? 'ERROR' : null,
        statusMessage: null,
        traceId: s.traceId,
        spanId,
        parentSpanId: s.parentId,
        tags,
        context,
      }),
    );
  };

  const element = (text: string, index: number, truncated = false): void => {
    const parsed = tryParseJson(text);
    if (!parsed.ok) {
      return truncated
        ? unparsed({ index }, text, 'truncated', 'truncated: the input ends inside this span')
        : unparsed({ index }, text, 'invalid-json', `invalid JSON: ${parsed.error}`);
    }
    const value = parsed.value;
    if (isObject(value)) return span(value, text, index);
    if (Array.isArray(value)) {
      // A trace: an array of spans. The span's own text is re-serialized.
      for (const inner of value) {
        if (isObject(inner)) span(inner, JSON.stringify(inner), index);
        else unparsed({ index }, JSON.stringify(inner), 'not-an-object', 'Zipkin span is not a JSON object');
      }
      return;
    }
    unparsed({ index }, text, 'not-an-object', 'Zipkin span is not a JSON object');
  };

  const scanner = new JsonArrayScanner((path) => path.length === 0, 0, (text, index) => element(text, index));

  return {
    write(chunk) {
      scanner.write(chunk);
    },
    end() {
      const result = scanner.finish();
      if (result.rootChar !== '[') {
        const found = result.rootChar === null ? 'empty input' : `input starting with ${JSON.stringify(result.rootChar)}`;
        throw new FormatError(`expected Zipkin v2 JSON: an array of spans, found ${found}`, 'zipkin');
      }
      // One diagnostic for the cut: the cut-off element's own, or else the missing bracket's.
      const cutOff = result.pending !== null && !tryParseJson(result.pending).ok;
      if (result.pending !== null) element(result.pending, result.elements, cutOff);
      if (!result.closed && !cutOff) {
        const at = result.elements + (result.pending !== null ? 1 : 0);
        problems.add({
          locator: { index: at },
          code: 'truncated',
          message: `the span array ends without its closing bracket after ${at} elements: the input is truncated`,
        });
      }
      idNotes.flush();
      problems.flush();
    },
  };
}
