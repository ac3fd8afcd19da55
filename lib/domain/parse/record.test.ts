import { describe, expect, it } from 'vitest';
import { levelFromMessage, normalizeRecord, type RecordNotes, workloadOfPod } from './record';

const base = { locator: { line: 1 }, raw: '{}', sourceName: 'cart-api.log' };

describe('normalizeRecord', () => {
  it('fills the normalized slots and keeps the rest as attributes', () => {
    const e = normalizeRecord({
      ...base,
      fields: { time: '2026-11-20T10:00:05.250Z', level: 'WARN', svc: 'cart', msg: 'low stock', request_id: 'r-1', item_id: 7, status: 'paid' },
    });
    expect(e.ts).toBe(Date.UTC(2026, 10, 20, 10, 0, 5, 250));
    expect(e).toMatchObject({ service: 'cart', level: 'warn', message: 'low stock', status: 'paid', unparsed: false });
    expect(e.ids.requestId).toBe('r-1');
    expect(e.attributes).toEqual({ item_id: 7, status: 'paid' });
  });

  it('falls back to the source name for the service', () => {
    expect(normalizeRecord({ ...base, fields: { msg: 'x' } }).service).toBe('cart-api.log');
  });

  it('matches names case-insensitively and through nested objects', () => {
    const e = normalizeRecord({ ...base, fields: { Service: { name: 'checkout' }, trace: { id: 'ABCDEF0123456789' }, '@timestamp': 1_700_000_000 } });
    expect(e.service).toBe('checkout');
    expect(e.ids.traceId).toBe('0000000000000000abcdef0123456789');
    expect(e.ts).toBe(1_700_000_000_000);
  });

  it('makes a log record with a duration cover [ts - duration, ts]', () => {
    const e = normalizeRecord({ ...base, fields: { ts: 1000.5, duration: '250ms' } });
    expect(e.ts).toBe(1_000_500);
    expect(e.interval).toEqual([1_000_250, 1_000_500]);
  });

  it('prefers an explicit start/end pair over a duration of unknown unit', () => {
    const e = normalizeRecord({ ...base, fields: { StartTimeUnixNano: '1661145517588444295', EndTimeUnixNano: '1661145522996884739', Duration: '5408440' } });
    expect(e.interval?.[0]).toBeCloseTo(1661145517588.444, 2);
    expect(e.interval?.[1]).toBeCloseTo(1661145522996.885, 2);
    expect(e.ts).toBe(e.interval?.[0]);
  });

  it('reads an embedded record from a Docker json-file `log` string', () => {
    const e = normalizeRecord({
      ...base,
      fields: {
        PodName: 'recommendationservice-6cfdd55578-gfj6q',
        TraceID: '04c87ec97bae041b1b15b3c7676a43cc',
        Log: { log: '{"timestamp": "2022-08-22T05:18:42.908318Z", "severity": "INFO", "message": "List Recommendations"}\n', stream: 'stdout', time: '2022-08-22T05:18:42.90847299Z' },
      },
    });
    expect(e.message).toBe('List Recommendations');
    expect(e.level).toBe('info');
    expect(e.ts).toBeCloseTo(Date.UTC(2022, 7, 22, 5, 18, 42) + 908.318, 3);
    expect(e.service).toBe('recommendationservice');
    expect(e.ids.traceId).toBe('04c87ec97bae041b1b15b3c7676a43cc');
    expect(e.attributes).toMatchObject({ stream: 'stdout' });
  });

  it('carries nothing over from one record to the next (its slots are reused)', () => {
    const full = normalizeRecord({
      ...base,
      fields: { ts: 1000, level: 'error', service: 'cart', msg: 'm', request_id: 'r-1', correlation_id: 'c-1', trace_id: 'abcdef0123456789abcdef0123456789', span_id: '0123456789abcdef', parent_id: '1123456789abcdef', session_id: 's-1', duration_ms: 5, event: 'op', status: 'ok', x: 1 },
    });
    expect(full.ids).toEqual({ requestId: 'r-1', correlationId: 'c-1', traceId: 'abcdef0123456789abcdef0123456789', spanId: '0123456789abcdef', parentSpanId: '1123456789abcdef', sessionId: 's-1' });
    const bare = normalizeRecord({ ...base, fields: { x: 2 } });
    expect(bare).toMatchObject({ ts: null, interval: null, service: 'cart-api.log', level: null, name: null, status: null, message: null });
    expect(bare.ids).toEqual({ requestId: null, correlationId: null, traceId: null, spanId: null, parentSpanId: null, sessionId: null });
    expect(bare.attributes).toEqual({ x: 2 });
  });

  it("reads only a record's own fields, not ones it inherits (a `__proto__` field set by assignment)", () => {
    const fields: Record<string, unknown> = {};
    fields['__proto__'] = { level: 'error', request_id: 'r-1', user: 'bob' };
    fields.msg = 'hi';
    const e = normalizeRecord({ ...base, fields });
    expect(e).toMatchObject({ level: null, message: 'hi' });
    expect(e.ids.requestId).toBeNull();
    expect(Object.keys(e.attributes)).toEqual([]);
  });

  it('matches long field names too (the lower-case cache keeps only short ones)', () => {
    const long = `X_${'A'.repeat(100)}`;
    const e = normalizeRecord({ ...base, fields: { [long]: 1, REQUEST_ID: 'r-2' } });
    expect(e.ids.requestId).toBe('r-2');
    expect(e.attributes).toEqual({ [long]: 1 });
  });

  it('reads a record embedded in an embedded record, each level keeping its own fields', () => {
    const innermost = JSON.stringify({ msg: 'deepest', request_id: 'r-9' });
    const inner = JSON.stringify({ log: innermost, level: 'warn', where: 'inner' });
    const e = normalizeRecord({ ...base, fields: { log: inner, service: 'outer-svc', where: 'outer' } });
    expect(e).toMatchObject({ message: 'deepest', level: 'warn', service: 'outer-svc' });
    expect(e.ids.requestId).toBe('r-9');
    expect(e.attributes).toEqual({ where: 'inner' });
  });

  it('names an HTTP record by method and path and reads traceparent', () => {
    const e = normalizeRecord({ ...base, fields: { req: { method: 'get', url: '/api/items/7' }, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
    expect(e.name).toBe('GET /api/items/7');
    expect(e.ids.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(e.ids.spanId).toBe('b7ad6b7169203331');
  });
});

describe('normalizeRecord notes: a message that opens like JSON but does not parse', () => {
  const noted = (fields: Record<string, unknown>): { message: string | null; notes: RecordNotes } => {
    const notes: RecordNotes = {};
    return { message: normalizeRecord({ ...base, fields }, notes).message, notes };
  };

  it('notes a cut-off JSON object or array, and keeps the text as the message', () => {
    const cut = '{"eventVersion":"1.03","userIdentity":{"type":"Root"}';
    expect(noted({ message: cut })).toEqual({ message: cut, notes: { brokenJson: { field: 'message', reason: 'it is cut off before its end' } } });
    expect(noted({ log: '  [{"a": 1}, {"b":' }).notes.brokenJson).toEqual({ field: 'log', reason: 'it is cut off before its end' });
    expect(noted({ msg: '{"a": nope}' }).notes.brokenJson?.reason).toMatch(/^it does not parse \(/);
  });

  it('notes nothing for JSON that parses, prose in brackets or braces, or without the out-parameter', () => {
    for (const message of ['{"a": 1}', '[1, 2]', '["x"]', '[INFO] ready', '{name} joined', '[2024-01-01] boot', 'plain', '{', '[']) {
      expect(noted({ message }).notes).toEqual({});
    }
    const cut = '{"a": {"b": 1}';
    expect(normalizeRecord({ ...base, fields: { message: cut } }).message).toBe(cut);
  });

  it('notes a cut-off message inside an embedded record (Docker `log` holding the app line)', () => {
    const { notes } = noted({ log: '{"msg": "{\\"user\\": {\\"id\\": 1}", "level": "info"}' });
    expect(notes.brokenJson).toEqual({ field: 'msg', reason: 'it is cut off before its end' });
  });
});

describe('level from the message', () => {
  it('reads an upper-case level word that opens the message, after an optional time of day', () => {
    expect(levelFromMessage('17:33:14.720 ERROR 1 --- [main] c.a.Cart : boom')).toBe('error');
    expect(levelFromMessage('17:33:16.821 INFO  o.s.OrderOtherServiceImpl#384 TraceID: e01e')).toBe('info');
    expect(levelFromMessage('WARNING: This is a development server.')).toBe('warn');
    expect(levelFromMessage('[ERROR] failed')).toBe('error');
    expect(levelFromMessage('[12:00:01] DEBUG tick')).toBe('debug');
    expect(levelFromMessage('FATAL')).toBe('fatal');
  });

  it('leaves prose, lower-case words and words that merely start with a level alone', () => {
    for (const message of ['Error while reading', 'error: x', 'INFORMATION desk', 'ERRORS=3', '17:33 ERROR x', 'the ERROR', '', 'GET /']) {
      expect(levelFromMessage(message)).toBeNull();
    }
  });

  it('is only a fallback: a level field or the format\'s own level wins', () => {
    expect(normalizeRecord({ ...base, fields: { level: 'debug', msg: 'ERROR in the payload' } }).level).toBe('debug');
    expect(normalizeRecord({ ...base, fields: { msg: 'ERROR in the payload' }, defaults: { level: 'info' } }).level).toBe('info');
    expect(normalizeRecord({ ...base, fields: { log: '17:33:14.720 ERROR 1 --- boom\n', stream: 'stdout' } }).level).toBe('error');
  });
});

describe('workloadOfPod', () => {
  it('strips the replica set hash and pod suffix', () => {
    expect(workloadOfPod('frontend-579b9bff58-t2dbm')).toBe('frontend');
    expect(workloadOfPod('ts-travel-service-5d5c8b8d6c-4lqxz')).toBe('ts-travel-service');
    expect(workloadOfPod('redis')).toBe('redis');
  });
});
