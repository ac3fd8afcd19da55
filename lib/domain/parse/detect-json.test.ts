import { describe, expect, it } from 'vitest';
import { detectJsonFormat } from './detect-json';

const format = (head: string) => detectJsonFormat(head)?.format ?? null;

const otlpLine = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [] }] }] });
const zipkinSpan = { traceId: 'a1', id: 'b2', name: 'get', timestamp: 1, localEndpoint: { serviceName: 's' } };
const jaegerSpan = { traceID: 'a1', spanID: 'b2', operationName: 'op', startTime: 1, duration: 1 };

describe('detectJsonFormat', () => {
  it('JSON lines: one object per line, compact or spaced; also a single line', () => {
    expect(format('{"msg":"a"}\n{"msg":"b"}\n')).toBe('jsonl');
    expect(format('{ "MESSAGE" : "a" }\n{ "MESSAGE" : "b" }')).toBe('jsonl');
    expect(format('{"msg":"only one line"}')).toBe('jsonl');
  });

  it('JSON lines after leading comment lines, or with a broken first line', () => {
    expect(format('# header\n\n{"a":1}\n{"a":2}\nnot json\n')).toBe('jsonl');
    expect(format('{"a":\n{"a":1}\n{"a":2}\n{"a":3}\n')).toBe('jsonl');
  });

  it('json: arrays, pretty objects, envelopes of records, concatenated pretty objects', () => {
    expect(format('[{"msg":"a"},{"msg":"b"}]')).toBe('json');
    expect(format('[\n  {"msg": "a"}\n]')).toBe('json');
    expect(format('{\n  "httpRequest": {},\n  "severity": "INFO"\n}')).toBe('json');
    expect(format('{"kind":"EventList","items":[{"message":"x"}]}')).toBe('json');
    expect(format('{\n  "a": 1\n}\n{\n  "a": 2\n}\n')).toBe('json');
  });

  it('HAR, minified or pretty, and from a head that cuts the document', () => {
    const har = JSON.stringify({ log: { version: '1.2', entries: [] } });
    expect(format(har)).toBe('har');
    expect(format(JSON.stringify(JSON.parse(har), null, 2))).toBe('har');
    expect(format('{\n  "log": {\n    "version": "1.2",\n    "entries": [\n      {"startedDateTime": "')).toBe('har');
  });

  it('OTLP: documents, snake_case, {"result": ...}, one request per line, cut heads', () => {
    expect(format(otlpLine)).toBe('otlp');
    expect(format(`${otlpLine}\n${otlpLine}\n`)).toBe('otlp');
    expect(format('{\n  "resource_logs": [\n  ]\n}')).toBe('otlp');
    expect(format(JSON.stringify({ result: { resourceSpans: [] } }, null, 1))).toBe('otlp');
    expect(format('{\n  "result": {\n    "resourceSpans": [\n      {')).toBe('otlp');
  });

  it('Jaeger: envelope, trace object, span array', () => {
    expect(format(JSON.stringify({ data: [{ traceID: 'a', spans: [jaegerSpan], processes: {} }], total: 0 }))).toBe('jaeger');
    expect(format(JSON.stringify({ traceID: 'a', spans: [jaegerSpan] }, null, 2))).toBe('jaeger');
    expect(format(JSON.stringify([jaegerSpan, jaegerSpan]))).toBe('jaeger');
    expect(format('{\n  "data": [\n    {\n      "traceID": "abc",\n      "spans": [')).toBe('jaeger');
  });

  it('Zipkin: span arrays, arrays of traces, and a cut head', () => {
    expect(format(JSON.stringify([zipkinSpan]))).toBe('zipkin');
    expect(format(JSON.stringify([[zipkinSpan], [zipkinSpan]]))).toBe('zipkin');
    const pretty = JSON.stringify([zipkinSpan, zipkinSpan], null, 2);
    expect(format(pretty.slice(0, pretty.length - 20))).toBe('zipkin');
  });

  it('leaves text formats alone, even those that open with a bracket', () => {
    expect(format('[2024-01-01 10:00:00] INFO started\n[2024-01-01 10:00:01] INFO ready\n')).toBeNull();
    expect(format('[1] first\n[2] second\n')).toBeNull();
    expect(format('2024-01-01T10:00:00Z INFO x\n')).toBeNull();
    expect(format('level=info msg="x"\n')).toBeNull();
    expect(format('{braces} in text\n')).toBeNull();
    expect(format('')).toBeNull();
  });
});
