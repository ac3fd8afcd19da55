import { describe, expect, it } from 'vitest';
import {
  buildEventColumns,
  columnsExtent,
  countVisible,
  eventsExtent,
  levelCode,
  lowerBound,
  upperBound,
  visibleRange,
} from './columnar-events';
import { alignmentFor, domain, ev } from '@/lib/test-support/timeline-fixture';
import type { AnalysisInput } from '../analysis/input';
import { EventTable } from '@/lib/domain/analysis/event-table';

// Source 0 (browser, reference) and source 1 (app, clock 4 s ahead: offset +4000).
const input: AnalysisInput = {
  sources: [
    { name: 'browser', format: null },
    { name: 'app', format: null },
  ],
  events: EventTable.of([
    ev(0, 0, { ts: 1000, interval: [1000, 1300], level: 'info' }), // 0: HAR entry
    ev(0, 1, { ts: 2000, level: 'error' }), // 1
    ev(0, 2, { unparsed: true }), // 2: no time: excluded
    ev(1, 0, { ts: 5100, level: 'warn' }), // 3: aligned 1100
    ev(1, 1, { ts: 5050, level: 'notice-ish' }), // 4: aligned 1050, unknown level
    ev(1, 2, { ts: null, interval: [5200, 5400] }), // 5: interval without ts: shifted by the domain offset
  ]),
};
const al = alignmentFor(
  input,
  [domain(0, 'browser', { aligned: true }), domain(1, 'app', { offsetMs: 4000, aligned: true, constraints: 5 })],
  [0, 0, 0, 1, 1, 1],
);
const laneOfDomain = Int32Array.from([0, 1]);

describe('buildEventColumns', () => {
  it('raw: times as written, sorted, events without time left out', () => {
    const c = buildEventColumns(input, al, laneOfDomain, 'raw');
    expect(c.length).toBe(5);
    expect(Array.from(c.event)).toEqual([0, 1, 4, 3, 5]);
    expect(Array.from(c.start)).toEqual([1000, 2000, 5050, 5100, 5200]);
    expect(Array.from(c.end)).toEqual([1300, NaN, NaN, NaN, 5400]);
    expect(Array.from(c.lane)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(c.level)).toEqual([3, 5, 0, 4, 0]);
    expect(c.maxDurationMs).toBe(300);
  });

  it('aligned: ts - offset, intervals shifted alike', () => {
    const c = buildEventColumns(input, al, laneOfDomain, 'aligned');
    expect(Array.from(c.event)).toEqual([0, 4, 3, 5, 1]);
    expect(Array.from(c.start)).toEqual([1000, 1050, 1100, 1200, 2000]);
    expect(c.end[3]).toBe(1400);
    expect(c.mode).toBe('aligned');
  });

  it('an empty incident gives empty columns and no extent', () => {
    const empty = { sources: [], events: EventTable.of([]) };
    const c = buildEventColumns(empty, alignmentFor(empty, [], []), new Int32Array(0), 'aligned');
    expect(c.length).toBe(0);
    expect(columnsExtent(c)).toBeNull();
    expect(visibleRange(c, { startMs: 0, endMs: 10 })).toEqual({ from: 0, to: 0 });
    expect(countVisible(c, { startMs: 0, endMs: 10 })).toBe(0);
  });

  it('the extent runs from the earliest start to the latest end', () => {
    const c = buildEventColumns(input, al, laneOfDomain, 'raw');
    expect(columnsExtent(c)).toEqual({ startMs: 1000, endMs: 5400 });
  });
});

describe('eventsExtent', () => {
  it('is the extent of the columns, in both modes, without building them', () => {
    for (const mode of ['raw', 'aligned'] as const) {
      expect(eventsExtent(input, al, mode)).toEqual(columnsExtent(buildEventColumns(input, al, laneOfDomain, mode)));
    }
    expect(eventsExtent(input, al, 'raw')).toEqual({ startMs: 1000, endMs: 5400 });
    expect(eventsExtent(input, al, 'aligned')).toEqual({ startMs: 1000, endMs: 2000 });
  });

  it('ends at the latest end, which an interval that started earlier can hold', () => {
    const long: AnalysisInput = {
      sources: [{ name: 'trace', format: null }],
      events: EventTable.of([ev(0, 0, { ts: 100, interval: [100, 9000] }), ev(0, 1, { ts: 500 }), ev(0, 2, { ts: 50, interval: [50, 60] })]),
    };
    const alignment = alignmentFor(long, [domain(0, 'trace', { offsetMs: 10, aligned: true })], [0, 0, 0]);
    for (const mode of ['raw', 'aligned'] as const) {
      expect(eventsExtent(long, alignment, mode)).toEqual(columnsExtent(buildEventColumns(long, alignment, Int32Array.from([0]), mode)));
    }
    expect(eventsExtent(long, alignment, 'raw')).toEqual({ startMs: 50, endMs: 9000 });
  });

  it('is null when no event has a time, or there is none', () => {
    const untimed: AnalysisInput = { sources: input.sources, events: EventTable.of([input.events.at(2)]) };
    expect(eventsExtent(untimed, alignmentFor(untimed, [domain(0, 'browser')], [0]), 'raw')).toBeNull();
    const empty: AnalysisInput = { sources: [], events: EventTable.of([]) };
    expect(eventsExtent(empty, alignmentFor(empty, [], []), 'aligned')).toBeNull();
  });
});

describe('visible range', () => {
  const c = buildEventColumns(input, al, laneOfDomain, 'aligned');

  it('binary searches', () => {
    const s = Float64Array.from([1, 2, 2, 3]);
    expect(lowerBound(s, 2)).toBe(1);
    expect(upperBound(s, 2)).toBe(3);
    expect(lowerBound(s, 0)).toBe(0);
    expect(upperBound(s, 9)).toBe(4);
  });

  it('reaches back to intervals that started before the window', () => {
    // The HAR entry [1000, 1300] crosses into [1250, 1500]; so does [1200, 1400].
    const w = { startMs: 1250, endMs: 1500 };
    const r = visibleRange(c, w);
    expect(r.from).toBe(0);
    expect(countVisible(c, w)).toBe(2);
  });

  it('counts points on the window edges, and nothing outside the extent', () => {
    expect(countVisible(c, { startMs: 1050, endMs: 1100 })).toBe(3); // 1050, 1100, and the HAR entry
    expect(countVisible(c, { startMs: 9000, endMs: 9100 })).toBe(0);
    expect(countVisible(c, { startMs: 0, endMs: 999 })).toBe(0);
  });
});

describe('levelCode', () => {
  it('orders levels by severity; unknown words are 0', () => {
    expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map(levelCode)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(levelCode(null)).toBe(0);
    expect(levelCode('audit')).toBe(0);
    expect(levelCode('constructor')).toBe(0);
  });
});
