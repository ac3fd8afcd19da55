import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../test-support/corpus';
import type { EvidenceEvent } from '../event';
import { anyValue, nanosToMs, spanKind, statusCode } from './otlp-values';
import { parseText } from './parse-text';

const corpus = (file: string) => parseText(readCorpusText(file), file.split('/').pop() ?? file);
const spans = (events: EvidenceEvent[]) => events.filter((e) => 'spanId' in e.locator);
const records = (events: EvidenceEvent[]) => events.filter((e) => 'index' in e.locator);

describe('OTLP JSON', () => {
  it('trace.json: UPPERCASE hex ids are lowered; the span is an interval in its service', () => {
    const { events } = corpus('otlp/trace.json');
    expect(events[0]).toMatchObject({
      locator: { spanId: 'eee19b7ec3c1b174' },
      ts: 1544712660000,
      interval: [1544712660000, 1544712661000],
      service: 'my.service',
      name: "I'm a server span",
      status: null,
      level: null,
      ids: { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', parentSpanId: 'eee19b7ec3c1b173' },
      attributes: { 'span.kind': 'server', 'my.span.attr': 'some value', 'otel.scope.name': 'my.library' },
    });
  });

  it('logs.json: every AnyValue kind, severity, and the same trace/span as trace.json', () => {
    const [log] = corpus('otlp/logs.json').events;
    const [span] = corpus('otlp/trace.json').events;
    expect(log).toMatchObject({
      locator: { index: 0 },
      ts: 1544712660300,
      level: 'info',
      message: 'Example log record',
      service: 'my.service',
      attributes: {
        'string.attribute': 'some string',
        'boolean.attribute': true,
        'int.attribute': 10,
        'double.attribute': 637.704,
        'array.attribute': ['many', 'values'],
        'map.attribute': { 'some.map.key': 'some value' },
      },
    });
    // Cross-file identity: the log was written inside the span.
    expect(log?.ids.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(log?.ids.traceId).toBe(span?.ids.traceId);
    expect(log?.ids.spanId).toBe(span?.ids.spanId);
  });

  it('getTrace-response.json: unwraps {"result": ...}; 40 spans in 6 services, 3 errors, 52 span events', () => {
    const { events, diagnostics } = corpus('otlp/getTrace-response.json');
    expect(diagnostics).toEqual([]);
    const s = spans(events);
    expect(s).toHaveLength(40);
    expect(new Set(s.map((e) => e.service))).toEqual(new Set(['frontend', 'customer', 'mysql', 'driver', 'redis-manual', 'route']));
    const errors = s.filter((e) => e.status === 'ERROR');
    expect(errors).toHaveLength(3);
    for (const e of errors) expect(e).toMatchObject({ level: 'error', message: 'An error occurred' });
    const spanIds = new Set(s.map((e) => e.ids.spanId));
    expect(s.filter((e) => e.ids.parentSpanId !== null && spanIds.has(e.ids.parentSpanId))).toHaveLength(39);
    for (const e of s) expect(e.interval?.[0]).toBe(e.ts);

    const logs = records(events);
    expect(logs).toHaveLength(52);
    expect(logs.map((e) => e.locator)).toEqual(logs.map((_, index) => ({ index })));
    for (const e of logs) {
      expect(spanIds.has(e.ids.spanId)).toBe(true);
      expect(e.ids.traceId).toBe('2ea75461946a7dd10f2c15ab36a076cb');
      expect(e.ts).not.toBeNull();
    }
    const retries = logs.filter((e) => e.name === 'Retrying GetDriver after error');
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toMatchObject({ level: 'error', service: 'driver', attributes: { error: 'redis timeout', retry_no: 1 } });
    const exception = logs.find((e) => e.name === 'exception');
    expect(exception).toMatchObject({ level: 'error', message: 'redis timeout' });
  });

  it('traces.jsonl: one request per line, base64 ids become hex, enum-name kinds', () => {
    const { events } = corpus('otlp/traces.jsonl');
    const s = spans(events);
    expect(s).toHaveLength(19);
    expect(new Set(s.map((e) => e.service)).size).toBe(8);
    expect(s[0]).toMatchObject({
      locator: { spanId: '5a69fc178ba8f837' },
      ids: { traceId: '69842a979911036cf3e822086ecaa007', spanId: '5a69fc178ba8f837', parentSpanId: '44e61d9ab30fcb06' },
      attributes: { 'span.kind': 'internal' },
    });
    for (const e of s) {
      expect(e.ids.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(e.ids.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('otlp2jaeger-in.json: a repeated span id is kept twice and diagnosed', () => {
    const { events, diagnostics } = corpus('otlp/otlp2jaeger-in.json');
    expect(events.map((e) => e.locator)).toEqual([{ spanId: 'e127af99e3b3e074' }, { spanId: 'e127af99e3b3e074' }]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'duplicate-span-id', locator: { spanId: 'e127af99e3b3e074' } }),
    ]);
  });

  it('otlp2jaeger-multi-in.json.txt: four single-span requests, one per line, one trace', () => {
    const { events } = corpus('otlp/otlp2jaeger-multi-in.json.txt');
    expect(new Set(events.map((e) => e.ids.traceId))).toEqual(new Set(['c620759e5d60fafb8ee0922b30e06bc6']));
    expect(events.map((e) => e.attributes['span.kind'])).toEqual(['internal', 'internal', 'internal', 'internal']);
  });

  it('test_logs_001.in.json: snake_case field names', () => {
    const { events } = corpus('otlp/test_logs_001.in.json');
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({
      ts: 1650917400000,
      level: 'info',
      message: 'This is an example log message.',
      service: 'example-service',
      attributes: { example_key: 'example_value' },
    });
    // Two resources, both example-service.
    expect(new Set(events.map((e) => e.service))).toEqual(new Set(['example-service']));
  });

  it('logfile_otel_collector.jsonl: 11 records, 5 services, trace ids on 9, levels from severity', () => {
    const { events } = corpus('otlp/logfile_otel_collector.jsonl');
    expect(events).toHaveLength(11);
    // The resource with empty attributes names no service: its records fall back to the source name.
    expect(new Set(events.map((e) => e.service))).toEqual(
      new Set(['payment-service', 'order-service', 'severity-test', 'minimal-test', 'env-test', 'logfile_otel_collector.jsonl']),
    );
    expect(events.filter((e) => e.ids.traceId !== null)).toHaveLength(9);
    expect(events.slice(0, 3).map((e) => e.level)).toEqual(['info', 'warn', 'info']);
    expect(events.map((e) => e.locator)).toEqual(events.map((_, index) => ({ index })));
  });

  it('a line that is not an OTLP request is unparsed; a whole document that is not OTLP fails', () => {
    const line = '{"resourceLogs":[]}\n{"hello":1}\nnot json\n';
    const { events, diagnostics } = parseText(line, 'x.jsonl', 'otlp');
    expect(events.map((e) => [e.locator, e.unparsed])).toEqual([
      [{ line: 2 }, true],
      [{ line: 3 }, true],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['not-otlp', 'invalid-json']);
    expect(() => parseText('{\n  "hello": 1\n}', 'x.json', 'otlp')).toThrow(/expected OTLP JSON/);
    expect(() => parseText('{\n  "resourceSpans": [\n', 'x.json', 'otlp')).toThrow(/not valid JSON/);
  });

  it('reads OTLP values in both spellings', () => {
    expect(anyValue({ int_value: '9007199254740993' })).toBe('9007199254740993');
    expect(anyValue({ intValue: 12 })).toBe(12);
    expect(anyValue({ kvlist_value: { values: [{ key: 'a', value: { bool_value: false } }] } })).toEqual({ a: false });
    expect(anyValue({})).toBeNull();
    expect(nanosToMs('1544712660300000001')).toBeCloseTo(1544712660300.000001, 6);
    expect(nanosToMs('0')).toBeNull();
    expect(spanKind('SPAN_KIND_CONSUMER')).toBe('consumer');
    expect(spanKind(0)).toBeNull();
    expect([statusCode(2), statusCode('STATUS_CODE_ERROR'), statusCode('Ok'), statusCode(0)]).toEqual(['ERROR', 'ERROR', 'OK', null]);
  });
});
