import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../test-support/corpus';
import { parseText } from './parse-text';

const har = (text: string, chunkSize?: number) => parseText(text, 'session.har', 'har', chunkSize);

function harWith(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }, null, 2);
}

function entry(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 250.5,
    request: { method: 'post', url: 'https://api.example.com/v1/items/42?expand=1', headers: [] },
    response: { status: 201, statusText: 'Created', headers: [], content: { size: 10, mimeType: 'application/json', text: '{"qty":3}' } },
    timings: { send: 1, wait: 200, receive: 49.5 },
    ...over,
  };
}

describe('HAR', () => {
  it('timed_out.har: 33 entries, 21 never got a response and say why', () => {
    const { events, diagnostics } = parseText(readCorpusText('har/timed_out.har'), 'timed_out.har');
    expect(events.map((e) => e.locator)).toEqual(events.map((_, index) => ({ index })));
    const failed = events.filter((e) => e.status === '0');
    expect(failed).toHaveLength(21);
    // One `no-response` diagnostic per failed entry, at its index, naming the browser's reason.
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual(failed.map((e) => ['no-response', e.locator]));
    const first = failed[0]?.locator as { index: number };
    expect(diagnostics[0]?.message).toBe(
      `index ${first.index}: the request got no response (status 0, ${failed[0]?.message}); kept as an error event`,
    );
    const reasons = new Map<string, number>();
    for (const e of failed) {
      expect(e.unparsed).toBe(false);
      expect(e.level).toBe('error');
      expect(e.message).toMatch(/^net::ERR_/);
      reasons.set(e.message ?? '', (reasons.get(e.message ?? '') ?? 0) + 1);
    }
    expect(Object.fromEntries(reasons)).toEqual({ 'net::ERR_INTERNET_DISCONNECTED': 20, 'net::ERR_ABORTED': 1 });
    // An answered request on which Chrome still recorded a transport error.
    const quic = events.filter((e) => e.attributes.error === 'net::ERR_QUIC_PROTOCOL_ERROR');
    expect(quic.map((e) => [e.status, e.level, e.message])).toEqual([['200', 'error', '200 (net::ERR_QUIC_PROTOCOL_ERROR)']]);
    expect(new Set(events.map((e) => e.service))).toEqual(new Set(['timed_out.har']));
    expect(new Set(events.map((e) => e.attributes.method))).toEqual(new Set(['GET', 'POST', 'OPTIONS']));
    // ~46 s of session.
    const starts = events.map((e) => e.ts ?? NaN);
    expect((Math.max(...starts) - Math.min(...starts)) / 1000).toBeCloseTo(46, -1);
  });

  it('chrome.har: a status-0 entry with _error, and raw is the entry text as in the file', () => {
    const text = readCorpusText('har/chrome.har');
    const { events } = parseText(text, 'chrome.har');
    expect(events.map((e) => e.status)).toEqual(['304', '0', '200']);
    expect(events[1]).toMatchObject({ level: 'error', message: 'net::ERR_INTERNET_DISCONNECTED', name: 'GET /' });
    for (const e of events) expect(text).toContain(e.raw);
    expect(JSON.parse(events[0]?.raw ?? '')).toMatchObject({ startedDateTime: '2023-03-30T00:00:54.250Z' });
  });

  it('with-bom.har: the BOM does not hide the entry, even when the parser sees it', () => {
    const text = readCorpusText('har/with-bom.har');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { events } = parseText(text, 'with-bom.har');
    expect(events).toHaveLength(1);
    expect(events[0]?.attributes.method).toBe('POST');
    expect(har(text).events).toEqual(har(text.slice(1)).events);
  });

  it('maps an entry: interval, name, status, ids from headers, body as the client saw it', () => {
    const traceparent = '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01';
    const e = entry({
      request: {
        method: 'post',
        url: 'https://api.example.com/v1/items/42?expand=1',
        headers: [
          { name: 'TraceParent', value: traceparent },
          { name: 'X-Request-ID', value: 'req-7' },
        ],
      },
      response: {
        status: 201,
        statusText: 'Created',
        headers: [{ name: 'x-request-id', value: 'echoed' }, { name: 'X-Correlation-Id', value: 'corr-1' }],
        content: { size: 10, mimeType: 'application/json', text: btoa('{"qty":3,"name":"é"}'.replace('é', 'e')), encoding: 'base64' },
      },
    });
    const [event] = har(harWith([e])).events;
    expect(event).toMatchObject({
      locator: { index: 0 },
      ts: Date.UTC(2024, 4, 1, 10),
      interval: [Date.UTC(2024, 4, 1, 10), Date.UTC(2024, 4, 1, 10) + 250.5],
      service: 'session.har',
      name: 'POST /v1/items/42',
      status: '201',
      level: 'info',
      message: '201 Created',
      ids: { requestId: 'req-7', correlationId: 'corr-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' },
      attributes: {
        method: 'POST',
        url: 'https://api.example.com/v1/items/42?expand=1',
        host: 'api.example.com',
        path: '/v1/items/42',
        query: 'expand=1',
        responseBody: { qty: 3, name: 'e' },
      },
    });
  });

  it('decodes a base64 UTF-8 text body and leaves binary bodies in raw only', () => {
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode('{"city":"Zürich 東京"}')));
    const entries = [
      entry({ response: { status: 200, content: { mimeType: 'application/json; charset=utf-8', text: utf8, encoding: 'base64' } } }),
      entry({ response: { status: 200, content: { mimeType: 'image/png', text: 'iVBORw0KGgo=', encoding: 'base64' } } }),
    ];
    const { events } = har(harWith(entries));
    expect(events[0]?.attributes.responseBody).toEqual({ city: 'Zürich 東京' });
    expect(events[1]?.attributes).not.toHaveProperty('responseBody');
    expect(events[1]?.raw).toContain('iVBORw0KGgo=');
  });

  it('firefox.har: 304s and base64 bodies parse; levels follow status', () => {
    const { events } = parseText(readCorpusText('har/firefox.har'), 'firefox.har');
    expect(events.filter((e) => e.status === '304')).toHaveLength(4);
    expect(events.filter((e) => e.status === '200')).toHaveLength(10);
    expect(new Set(events.map((e) => e.level))).toEqual(new Set(['info']));
  });

  it('a truncated HAR keeps its complete entries and says where it was cut', () => {
    const text = harWith([entry(), entry(), entry()]);
    const cut = text.slice(0, text.lastIndexOf('"timings"'));
    const { events, diagnostics } = har(cut);
    expect(events.map((e) => e.unparsed)).toEqual([false, false, true]);
    expect(events[2]?.locator).toEqual({ index: 2 });
    expect(cut.trimEnd().endsWith(events[2]?.raw ?? 'x')).toBe(true);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'truncated', locator: { index: 2 } })]);
  });

  it('an entry that is not an object is unparsed; the others still count', () => {
    const { events } = har(harWith([entry(), 'junk', entry({ startedDateTime: 'yesterday' })]));
    expect(events.map((e) => e.unparsed)).toEqual([false, true, false]);
    expect(events[2]?.ts).toBeNull();
  });

  it('input that is not a HAR fails the source with a FormatError naming what was expected', () => {
    expect(() => har('not json at all')).toThrow(/expected a HAR 1\.2 document/);
    expect(() => har('{"log": {"pages": []}}')).toThrow(/no log\.entries/);
    expect(() => har('')).toThrow(/empty input/);
  });

  it('gives the same events for any chunk size', () => {
    const text = readCorpusText('har/chrome.har');
    const whole = har(text);
    for (const size of [1, 7, 64, 4096]) expect(har(text, size)).toEqual(whole);
  });
});

describe('HAR idempotency keys', () => {
  it('keeps the Idempotency-Key request header, so a retried side effect can be recognised', () => {
    const entry = (key: string, started: string) => ({
      startedDateTime: started,
      time: 120,
      request: { method: 'POST', url: 'https://shop.example/api/charges', headers: [{ name: 'Idempotency-Key', value: key }] },
      response: { status: 201, headers: [], content: { mimeType: 'application/json', text: '{}' } },
      timings: {},
    });
    const har = JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry('k-1', '2026-11-20T10:00:00.000Z'), entry('k-1', '2026-11-20T10:00:02.000Z')] } });
    const { events } = parseText(har, 'checkout.har');
    expect(events.map((e) => e.attributes.idempotency_key)).toEqual(['k-1', 'k-1']);
  });
});
