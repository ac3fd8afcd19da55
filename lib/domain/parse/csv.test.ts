import { describe, expect, it } from 'vitest';
import { readCorpusText } from '@/lib/test-support/corpus';
import { parseVariants } from '@/lib/test-support/parse-cases';
import type { EvidenceEvent } from '../event';
import { detectFormat } from './detect';
import { parseText } from './parse-text';

const BOUTIQUE = 'correlated/nezha-onlineboutique-2022-08-22';
const TRAIN = 'correlated/nezha-trainticket-2023-01-29';

function parseCorpusCsv(path: string): { events: EvidenceEvent[]; diagnostics: unknown[] } {
  const text = readCorpusText(path);
  expect(detectFormat(text.slice(0, 65_536)).format).toBe('csv');
  return parseText(text, path.split('/').pop() as string);
}

describe('CSV: Nezha Online Boutique', () => {
  const logs = parseCorpusCsv(`${BOUTIQUE}/05_19_log.csv`);
  const spans = parseCorpusCsv(`${BOUTIQUE}/05_19_trace.csv`);

  it('05_19_log.csv: 7,260 rows, three levels of nesting read (CSV > Docker record > app JSON)', () => {
    expect(logs.events).toHaveLength(7260);
    expect(logs.events.filter((e) => e.unparsed)).toHaveLength(0);
    expect(logs.diagnostics).toEqual([]);
    const first = logs.events[0] as EvidenceEvent;
    expect(first.locator).toEqual({ line: 2 });
    expect(first.ts).toBeCloseTo(Date.UTC(2022, 7, 22, 5, 18, 42, 908) + 0.318, 6);
    expect(first.service).toBe('recommendationservice'); // PodName recommendationservice-6cfdd55578-gfj6q
    expect(first.level).toBe('info'); // the app JSON's "severity": "INFO"
    expect(first.message).toMatch(/List Recommendations product_ids=/);
    expect(first.ids.traceId).toBe('04c87ec97bae041b1b15b3c7676a43cc');
    expect(first.ids.spanId).toBe('e4006dce6700e903');
    expect(first.attributes).toMatchObject({ Node: '33.33.33.155', Container: 'server', stream: 'stdout' });
    expect(first.attributes).not.toHaveProperty('Log');
    const services = new Set(logs.events.map((e) => e.service));
    expect(services.size).toBe(10);
    expect(services).toContain('currencyservice');
    expect(logs.events.filter((e) => e.service === 'productcatalogservice')).toHaveLength(3010);
  });

  it('05_19_trace.csv: 6,712 spans with intervals from the nanosecond columns, "root" parents absent', () => {
    expect(spans.events).toHaveLength(6712);
    expect(spans.events.filter((e) => e.unparsed)).toHaveLength(0);
    const root = spans.events[0] as EvidenceEvent;
    // StartTimeUnixNano 1661145517588444295, EndTimeUnixNano 1661145522996884739.
    expect(root.interval?.[0]).toBeCloseTo(1661145517588.444295, 3);
    expect(root.interval?.[1]).toBeCloseTo(1661145522996.884739, 3);
    expect(root.ts).toBe(root.interval?.[0]);
    expect(root.name).toBe('hipstershop.Frontend/Recv.');
    expect(root.service).toBe('frontend');
    expect(root.ids).toMatchObject({ traceId: '04c87ec97bae041b1b15b3c7676a43cc', spanId: '989036326b156480', parentSpanId: null });
    expect(spans.events[1]?.ids.parentSpanId).toBe('989036326b156480');
    expect(spans.events.filter((e) => e.ids.parentSpanId === null)).toHaveLength(147);
  });

  it('log rows name the traces and spans of the trace CSV', () => {
    const traceIds = new Set(spans.events.map((e) => e.ids.traceId));
    const spanIds = new Set(spans.events.map((e) => e.ids.spanId));
    const logTraces = new Set(logs.events.map((e) => e.ids.traceId));
    expect(logTraces.size).toBe(147);
    expect([...logTraces].every((id) => traceIds.has(id))).toBe(true);
    const sharedSpans = new Set(logs.events.map((e) => e.ids.spanId).filter((id) => spanIds.has(id)));
    expect(sharedSpans.size).toBe(3354);
  });
});

describe('CSV: Nezha TrainTicket', () => {
  it('09_34_log.csv: 314 rows; the 18 rows with a negative TimeUnixNano still get their time', () => {
    const { events } = parseCorpusCsv(`${TRAIN}/09_34_log.csv`);
    expect(events).toHaveLength(314);
    const broken = events.filter((e) => String(e.attributes.TimeUnixNano).startsWith('-'));
    expect(broken).toHaveLength(18);
    // TimeUnixNano is no timestamp field; the time comes from the record: the Docker `time`.
    const windowStart = Date.UTC(2023, 0, 29, 9, 33, 0);
    const windowEnd = Date.UTC(2023, 0, 29, 9, 35, 0);
    expect(events.every((e) => e.ts !== null && e.ts >= windowStart && e.ts <= windowEnd)).toBe(true);
    const row129 = events.find((e) => 'line' in e.locator && e.locator.line === 129) as EvidenceEvent;
    expect(row129.ts).toBeCloseTo(Date.UTC(2023, 0, 29, 9, 33, 14, 720) + 0.362621, 6);
    expect(row129.service).toBe('ts-travel-service');
    expect(row129.ids.traceId).toBe('fe6bf62f357743299319d640878ea4f0');
    expect(row129.message).toMatch(/^17:33:14\.720 ERROR .*HttpServerErrorException/);
    // The Spring Boot line names its level only in its text: read from there.
    expect(row129.level).toBe('error');
    const levels = new Map<string | null, number>();
    for (const e of events) levels.set(e.level, (levels.get(e.level) ?? 0) + 1);
    expect(Object.fromEntries(levels)).toEqual({ info: 255, error: 52, warn: 7 });
  });

  it('09_34_trace.csv: 842 spans, every log trace among them', () => {
    const { events: spans } = parseCorpusCsv(`${TRAIN}/09_34_trace.csv`);
    expect(spans).toHaveLength(842);
    expect(spans.filter((e) => e.name === 'BasicErrorController.error')).toHaveLength(47);
    const traceIds = new Set(spans.map((e) => e.ids.traceId));
    const { events: logs } = parseText(readCorpusText(`${TRAIN}/09_34_log.csv`), '09_34_log.csv');
    const logTraces = new Set(logs.map((e) => e.ids.traceId));
    expect(logTraces.size).toBe(44);
    expect([...logTraces].every((id) => traceIds.has(id))).toBe(true);
  });
});

describe('CSV scanning', () => {
  const sample = [
    'time,level,message,request_id',
    '2024-05-01T10:00:00Z,ERROR,"boom: ""quoted""',
    '\tat com.acme.Cart.add(Cart.java:42)',
    '\tat com.acme.Api.handle(Api.java:7)",r-1',
    '',
    '2024-05-01T10:00:01Z,info,"a, b",r-2',
    '2024-05-01T10:00:02Z,warn,"{""k"": 1}",',
    '2024-05-01T10:00:03Z,info',
    '2024-05-01T10:00:04Z,info,x,r-4,surplus,more',
  ].join('\n');

  it('reads quoted cells across lines, doubled quotes, JSON cells and wrong column counts', () => {
    const { events, diagnostics } = parseText(sample, 'export.csv', 'csv');
    expect(events.map((e) => e.locator)).toEqual([{ line: 2 }, { line: 6 }, { line: 7 }, { line: 8 }, { line: 9 }]);
    expect(events[0]?.message).toBe('boom: "quoted"\n\tat com.acme.Cart.add(Cart.java:42)\n\tat com.acme.Api.handle(Api.java:7)');
    expect(events[0]?.raw.split('\n')).toHaveLength(3);
    expect(events[0]?.level).toBe('error');
    expect(events[0]?.ids.requestId).toBe('r-1');
    expect(events[1]?.message).toBe('a, b');
    expect(events[2]?.attributes).not.toHaveProperty('request_id'); // empty cell = absent
    expect(events[3]?.ts).toBe(Date.UTC(2024, 4, 1, 10, 0, 3));
    expect(events[4]?.attributes._extra).toEqual(['surplus', 'more']);
    expect(diagnostics.map((d) => [d.code, d.locator])).toEqual([
      ['column-count', { line: 8 }],
      ['column-count', { line: 9 }],
    ]);
  });

  it('a JSON object cell is an embedded record', () => {
    const input = 'PodName,Log\ncart-7d4f9c8b6d-x2k1p,"{""log"":""{\\""level\\"":\\""warn\\"",\\""msg\\"":\\""low stock\\""}\\n"",""time"":""2024-05-01T10:00:00Z""}"\n';
    const [event] = parseText(input, 'pods.csv', 'csv').events;
    expect(event?.level).toBe('warn');
    expect(event?.message).toBe('low stock');
    expect(event?.ts).toBe(Date.UTC(2024, 4, 1, 10));
    expect(event?.service).toBe('cart');
  });

  it('gives the same events in 7-character chunks, with CRLF, and without a final newline', () => {
    const variants = parseVariants(sample, 'export.csv', 'csv');
    expect(variants.chunked.events).toEqual(variants.whole.events);
    expect(variants.crlf.events).toEqual(variants.whole.events);
    expect(parseText(sample + '\n', 'export.csv', 'csv').events).toEqual(variants.whole.events);
  });

  it('an unterminated quote costs one line, not the rest of the file', () => {
    const input = 'time,message\n2024-05-01T10:00:00Z,"never closed\n2024-05-01T10:00:01Z,fine\n2024-05-01T10:00:02Z,also fine\n';
    const { events, diagnostics } = parseText(input, 'bad.csv', 'csv');
    expect(events.map((e) => [e.locator, e.unparsed])).toEqual([
      [{ line: 2 }, true],
      [{ line: 3 }, false],
      [{ line: 4 }, false],
    ]);
    expect(events[0]?.raw).toBe('2024-05-01T10:00:00Z,"never closed');
    expect(diagnostics.map((d) => d.code)).toEqual(['unterminated-quote']);
  });

  it('TSV: detected by its header, read with the same rules', () => {
    const input = 'ts\tservice\tmsg\n2024-05-01T10:00:00Z\tcart\tadded "item"\n2024-05-01T10:00:01Z\tcart\tremoved\n';
    expect(detectFormat(input).format).toBe('tsv');
    const { events } = parseText(input, 'x.tsv');
    expect(events.map((e) => [e.service, e.message])).toEqual([
      ['cart', 'added "item"'],
      ['cart', 'removed'],
    ]);
  });
});
