import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../test-support/corpus';
import { parseText } from './parse-text';

const corpus = (file: string) => parseText(readCorpusText(file), file.split('/').pop() ?? file);

describe('Zipkin v2 JSON', () => {
  it('smartthings-mobile-web-install.json: 1041 spans, 84 without timestamp are events with a diagnostic each', () => {
    const { events, diagnostics } = corpus('zipkin/smartthings-mobile-web-install.json');
    expect(events).toHaveLength(1041);
    const untimed = events.filter((e) => e.ts === null);
    expect(untimed).toHaveLength(84);
    for (const e of untimed) expect(e).toMatchObject({ unparsed: false, interval: null });
    expect(diagnostics).toHaveLength(84);
    expect(diagnostics.map((d) => d.locator)).toEqual(untimed.map((e) => e.locator));
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['missing-timestamp']));
    expect(new Set(events.map((e) => e.service)).size).toBe(16);
    expect(events.filter((e) => e.attributes.shared === true)).toHaveLength(294);
    expect(events.filter((e) => e.status === 'ERROR')).toHaveLength(2);
  });

  it('error-tagged spans are ERROR whatever the tag says', () => {
    const counts = ['smartthings-oauth-authorization', 'yelp', 'messaging-kafka', 'skew'].map(
      (name) => corpus(`zipkin/${name}.json`).events.filter((e) => e.status === 'ERROR' && e.level === 'error').length,
    );
    expect(counts).toEqual([2, 0, 3, 0]);
  });

  it('skew.json: shared spans reuse the id without a diagnostic; µs become ms', () => {
    const { events, diagnostics } = corpus('zipkin/skew.json');
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => e.locator)).toEqual([
      { spanId: '43210ae0c10d1234' },
      { spanId: '74280ae0c10d8062' },
      { spanId: 'bf396325699c84bf' },
      { spanId: '74280ae0c10d8062' },
    ]);
    expect(events[1]).toMatchObject({
      ts: 1470150004008.761,
      interval: [1470150004008.761, 1470150004008.761 + 93.577],
      service: 'serviceb',
      name: 'post',
      ids: { traceId: '00000000000000001e223ff1f80f1c69', parentSpanId: 'bf396325699c84bf' },
      attributes: { 'span.kind': 'server', shared: true, localEndpoint: { serviceName: 'serviceb', ipv4: '192.0.0.0' } },
    });
  });

  it('messaging-kafka.json: producer/consumer kinds and the remote endpoint are kept', () => {
    const { events } = corpus('zipkin/messaging-kafka.json');
    const kinds = events.map((e) => e.attributes['span.kind'] ?? 'local');
    expect(kinds.filter((k) => k === 'producer')).toHaveLength(9);
    expect(kinds.filter((k) => k === 'consumer')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'local')).toHaveLength(12);
    // Two local services; the third of MANIFEST's "3 services" is kafka, only ever a remote endpoint.
    expect(new Set(events.map((e) => e.service))).toEqual(new Set(['servicea', 'serviceb']));
    const remote = events.map((e) => e.attributes.remoteEndpoint).filter((r) => r !== undefined);
    expect(remote).toContainEqual(expect.objectContaining({ serviceName: 'kafka' }));
  });

  it('reads an array of traces (arrays of spans), and keeps bad elements as unparsed', () => {
    const span = { traceId: 'a', id: 'b', name: 'x', timestamp: 1_000_000, duration: 5, localEndpoint: { serviceName: 's' } };
    const { events, diagnostics } = parseText(JSON.stringify([[span, { ...span, id: 'c' }], 7]), 'z.json', 'zipkin');
    expect(events.map((e) => [e.locator, e.unparsed])).toEqual([
      [{ spanId: '000000000000000b' }, false],
      [{ spanId: '000000000000000c' }, false],
      [{ index: 1 }, true],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['not-an-object']);
    expect(events[0]?.ts).toBe(1000);
  });

  it('a truncated span array keeps the complete spans and marks the cut', () => {
    const text = readCorpusText('zipkin/yelp.json');
    const cut = text.slice(0, Math.floor(text.length / 2));
    const { events, diagnostics } = parseText(cut, 'yelp.json', 'zipkin');
    const last = events[events.length - 1];
    expect(last?.unparsed).toBe(true);
    expect(events.slice(0, -1).every((e) => !e.unparsed)).toBe(true);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'truncated', locator: last?.locator })]);
  });

  it('input that is not a span array fails', () => {
    expect(() => parseText('{"traceId": "a"}', 'z.json', 'zipkin')).toThrow(/expected Zipkin v2 JSON/);
  });
});
