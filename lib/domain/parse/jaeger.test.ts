import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../test-support/corpus';
import { tagValue } from './jaeger';
import { parseText } from './parse-text';

const corpus = (file: string) => parseText(readCorpusText(file), file.split('/').pop() ?? file);

describe('Jaeger JSON', () => {
  it('spanAmongEachOtherGroupedAndSpans.json: a 31-hex-digit trace id is padded to 32', () => {
    const { events, diagnostics } = corpus('jaeger/spanAmongEachOtherGroupedAndSpans.json');
    // Said once for the one distinct id, at the first span that carries it.
    expect(diagnostics).toEqual([
      {
        locator: { spanId: '6962df17f54c3741' },
        code: 'short-trace-id',
        message:
          'span 6962df17f54c3741: trace id df84e36b9e2ee3815d07f0867a5be1f has 31 hex digits instead of 32 (the exporter dropped leading zeros); ' +
          'read as 0df84e36b9e2ee3815d07f0867a5be1f, left-padded with zeros, so it matches the full id in other sources',
      },
    ]);
    expect(new Set(events.map((e) => e.ids.traceId))).toEqual(new Set(['0df84e36b9e2ee3815d07f0867a5be1f']));
    expect(new Set(events.map((e) => e.service))).toEqual(new Set(['api-gateway', 'customers-service']));
    expect(events.filter((e) => e.ids.parentSpanId !== null)).toHaveLength(16);
    // MANIFEST says 13 DB spans; the file holds 14 (counted with Python too).
    expect(events.filter((e) => e.name === 'HikariProxyPreparedStatement.executeQuery')).toHaveLength(14);
    expect(events[0]).toMatchObject({
      locator: { spanId: '6962df17f54c3741' },
      ts: 1573131432955.376,
      interval: [1573131432955.376, 1573131432955.376 + 2.977],
      name: 'GET /owners',
      ids: { parentSpanId: '9afcdf2e24e8d70a' },
      attributes: { 'span.kind': 'client' },
    });
  });

  it('trace_success.json: a bare span array with inline processes; bool tag "true" is true and an error', () => {
    const { events, diagnostics } = corpus('jaeger/trace_success.json');
    expect(diagnostics).toEqual([]); // 64-bit trace ids are normal: no short-trace-id
    expect(events.map((e) => e.service)).toEqual(['16af988c443cff37', '3c220036602f839e']);
    expect(events[1]).toMatchObject({ status: 'ERROR', level: 'error', attributes: { error: true } });
    expect(events[0]).toMatchObject({ status: null, level: null, ids: { parentSpanId: '492770a15935810f' } });
    // 64-bit trace ids are left-padded to 128 bits.
    expect(events[0]?.ids.traceId).toBe('00000000000000002be38093ead7a083');
  });

  it('ui_01.json: typed tags, span logs as events, warnings and a duplicate span id as diagnostics', () => {
    const { events, diagnostics } = corpus('jaeger/ui_01.json');
    const spans = events.filter((e) => 'spanId' in e.locator);
    expect(spans).toHaveLength(5);
    expect(spans[1]).toMatchObject({
      service: 'service-x',
      status: 'ERROR',
      attributes: {
        'peer.service': 'service-y',
        'peer.ipv4': 23456,
        error: true,
        temperature: 72.5,
        javascript_limit: '9223372036854775222',
        blob: 'AAAwOQ==',
      },
    });
    // CHILD_OF wins over FOLLOWS_FROM; the first CHILD_OF names the parent, all references are kept.
    expect(spans[3]?.ids.parentSpanId).toBe('00000000000000ff');
    expect(spans[3]?.attributes.references).toHaveLength(3);
    const logs = events.filter((e) => 'index' in e.locator);
    expect(logs.map((e) => [e.locator, e.name, e.message, e.ids.spanId])).toEqual([
      [{ index: 0 }, 'some-event', 'some-event', '0000000000000002'],
      [{ index: 1 }, null, 'x=y', '0000000000000002'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([
      ['duplicate-span-id', { spanId: '0000000000000002' }],
      ['jaeger-warning', { spanId: '0000000000000004' }],
      ['jaeger-warning', { spanId: '0000000000000005' }],
      ['jaeger-warning', null],
    ]);
  });

  it('oltp2jaeger-multi-out.json: the UI model nested span copies stay out of raw and attributes', () => {
    const text = readCorpusText('jaeger/oltp2jaeger-multi-out.json');
    const { events } = corpus('jaeger/oltp2jaeger-multi-out.json');
    expect(events.map((e) => e.ids.traceId)).toEqual(Array(4).fill('c620759e5d60fafb8ee0922b30e06bc6'));
    expect(new Set(events.map((e) => e.service))).toEqual(new Set(['example-trace']));
    for (const e of events) {
      const raw = JSON.parse(e.raw) as { references: Array<Record<string, unknown>>; depth?: number };
      for (const ref of raw.references) expect(ref).not.toHaveProperty('span');
      expect(raw.depth).toBeUndefined();
      expect(e.raw.length).toBeLessThan(text.length / 4);
    }
    // The same trace, from OTLP: identical span ids after normalization.
    const otlp = parseText(readCorpusText('otlp/otlp2jaeger-multi-in.json.txt'), 'in.json.txt');
    expect(new Set(events.map((e) => e.ids.spanId))).toEqual(new Set(otlp.events.map((e) => e.ids.spanId)));
  });

  it('otlp2jaeger-out.json: duplicate span id diagnosed, missing CHILD_OF parent kept as parentSpanId', () => {
    const { events, diagnostics } = corpus('jaeger/otlp2jaeger-out.json');
    expect(events.map((e) => e.ids.parentSpanId)).toEqual(['909541b92cf05311', '909541b92cf05311']);
    expect(diagnostics.map((d) => d.code)).toEqual(['duplicate-span-id']);
  });

  it('types tag values', () => {
    expect(tagValue({ key: 'b', type: 'bool', value: 'false' })).toBe(false);
    expect(tagValue({ key: 'i', type: 'int64', value: '42' })).toBe(42);
    expect(tagValue({ key: 'f', type: 'float64', value: '1.5' })).toBe(1.5);
    expect(tagValue({ key: 's', type: 'string', value: 'x' })).toBe('x');
  });

  it('a document that is not Jaeger fails with what was expected', () => {
    expect(() => parseText('{\n "x": 1\n}', 'x.json', 'jaeger')).toThrow(/expected Jaeger JSON/);
  });
});
