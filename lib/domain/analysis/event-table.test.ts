import { describe, expect, it } from 'vitest';
import { NO_IDS } from '../event';
import { EventTable, EventTableBuilder } from './event-table';
import type { AnalysisEvent } from './input';

const event = (seq: number, p: Partial<AnalysisEvent> = {}): AnalysisEvent => ({
  locator: { line: seq + 1 },
  ts: 1_000 + seq,
  interval: null,
  service: 'api',
  level: 'info',
  name: null,
  status: null,
  message: `event ${seq}`,
  ids: { ...NO_IDS },
  attributes: {},
  unparsed: false,
  source: 0,
  seq,
  ...p,
});

/** One of each shape: every locator kind, no time, an interval, ids, attributes, unparsed. */
const EVENTS: AnalysisEvent[] = [
  event(0, { ids: { ...NO_IDS, requestId: 'r1', traceId: 'a'.repeat(32) }, attributes: { qty: 3, nested: { a: [1] } } }),
  event(1, { ts: null, interval: [900.5, 1_200.25], status: '503', name: 'GET /x', locator: { index: 7 } }),
  event(2, { locator: { spanId: 'b'.repeat(16) }, ids: { ...NO_IDS, spanId: 'b'.repeat(16), parentSpanId: 'c'.repeat(16), sessionId: 's' } }),
  // A span locator naming another span than the event's own (a test's event may).
  event(3, { locator: { spanId: 'd'.repeat(16) }, ids: { ...NO_IDS, correlationId: 'k' } }),
  event(4, { ts: null, unparsed: true, service: null, level: null, message: 'invalid JSON', source: 1, seq: 0 }),
];

describe('EventTable', () => {
  it('gives back every event it was made of, field for field', () => {
    const table = EventTable.of(EVENTS);
    expect(table.length).toBe(EVENTS.length);
    expect(EVENTS.map((_, i) => table.at(i))).toEqual(EVENTS);
  });

  it('encodes what is missing as NaN and a span locator by kind', () => {
    const table = EventTable.of(EVENTS);
    expect(Array.from(table.ts)).toEqual([1_000, Number.NaN, 1_002, 1_003, Number.NaN]);
    expect(Array.from(table.start)).toEqual([Number.NaN, 900.5, Number.NaN, Number.NaN, Number.NaN]);
    expect([0, 1, 2, 3, 4].map((i) => table.isSpan(i))).toEqual([false, false, true, true, false]);
    expect(table.tsAt(1)).toBeNull();
    expect(table.intervalAt(1)).toEqual([900.5, 1_200.25]);
  });

  it('copies a range of another table as it is, attribute objects shared', () => {
    const table = EventTable.of(EVENTS);
    const builder = new EventTableBuilder(2);
    builder.push(event(9));
    builder.push(event(10));
    builder.pushRange(table, 1, 4);
    const copy = builder.build();
    expect(copy.length).toBe(5);
    expect([2, 3, 4].map((i) => copy.at(i))).toEqual(EVENTS.slice(1, 4));
    expect(copy.attributes[2]).toBe(table.attributes[1]);
  });

  it('grows past its capacity, and is cut to the events that came when sized for more', () => {
    const many = Array.from({ length: 40 }, (_, i) => EVENTS[i % EVENTS.length]!);
    const grown = new EventTableBuilder(1);
    for (const e of many) grown.push(e);
    const built = grown.build();
    expect(Array.from({ length: 40 }, (_, i) => built.at(i))).toEqual(many);

    const roomy = new EventTableBuilder(100);
    roomy.push(many[0]!);
    const table = roomy.build();
    expect(table.length).toBe(1);
    expect(table.ts).toHaveLength(1);
    expect(table.ts.buffer.byteLength).toBe(8); // not the 100 events' buffer
    expect(table.message).toHaveLength(1);
    expect(table.attributes).toHaveLength(1);
  });

  it('allocates a text column at its first value, null before it; the columns never written share one array of nulls', () => {
    const table = EventTable.of([event(0), event(1), event(2, { ids: { ...NO_IDS, sessionId: 's' } })]);
    expect(table.sessionId).toEqual([null, null, 's']);
    expect(table.spanId).toEqual([null, null, null]);
    expect(table.spanId).toBe(table.parentSpanId);
    expect(table.name).toBe(table.spanId);
  });

  it('is built once: the table owns the columns', () => {
    const builder = new EventTableBuilder(4);
    builder.push(event(0));
    const table = builder.build();
    expect(() => builder.push(event(1))).toThrow(/was built/);
    expect(() => builder.build()).toThrow(/was built/);
    expect(table.length).toBe(1);
    expect(table.service).toHaveLength(1);
  });

  it('refuses an index out of range instead of making up an event', () => {
    const table = EventTable.of(EVENTS);
    expect(() => table.at(EVENTS.length)).toThrow(RangeError);
    expect(() => table.at(-1)).toThrow(RangeError);
    expect(() => table.locatorAt(EVENTS.length)).toThrow(RangeError);
  });
});
