import { describe, expect, it } from 'vitest';
import { buildLanes, formatOffsetMs, packLaneRows } from './lanes';
import { domain } from '@/lib/test-support/timeline-fixture';
import type { Alignment } from '../analysis/results';

function alignment(domains: Alignment['domains'], reference = 0): Alignment {
  return { domains, domainOf: new Int32Array(0), alignedTs: new Float64Array(0), reference };
}

describe('lanes', () => {
  const sources = [
    { name: 'browser.har', format: null },
    { name: 'app.log', format: null },
  ];

  it('orders by source then service, labels multi-service sources, and shows offsets', () => {
    const { lanes, laneOfDomain } = buildLanes(
      sources,
      alignment([
        domain(1, 'orders', { offsetMs: 4000, aligned: true, constraints: 78 }),
        domain(0, 'browser.har', { aligned: true, constraints: 3 }),
        domain(1, 'cart', { offsetMs: -12.5, aligned: true, constraints: 1 }),
        domain(1, 'stock', { offsetMs: 0, aligned: false }),
      ], 1),
    );
    expect(lanes.map((l) => l.label)).toEqual(['browser.har', 'app.log/cart', 'app.log/orders', 'app.log/stock']);
    expect(lanes.map((l) => l.offsetText)).toEqual([
      '+0 ms (reference)',
      '-12.5 ms (aligned, 1 constraint)',
      '+4,000 ms (aligned, 78 constraints)',
      'unaligned',
    ]);
    expect(Array.from(laneOfDomain)).toEqual([2, 0, 1, 3]);
    expect(lanes[2]!.domain).toBe(0);
  });

  it('marks manual offsets', () => {
    const { lanes } = buildLanes(sources, alignment([domain(0, 'x', { offsetMs: 1234567, overridden: true })]));
    expect(lanes[0]!.offsetText).toBe('+1,234,567 ms (manual)');
  });

  it('an empty incident has no lanes', () => {
    const { lanes, laneOfDomain } = buildLanes([], alignment([], -1));
    expect(lanes).toEqual([]);
    expect(laneOfDomain.length).toBe(0);
  });

  it('formats offsets without the locale', () => {
    expect(formatOffsetMs(0)).toBe('+0 ms');
    expect(formatOffsetMs(-0.0004)).toBe('+0 ms');
    expect(formatOffsetMs(1000.25)).toBe('+1,000.25 ms');
    expect(formatOffsetMs(-999999)).toBe('-999,999 ms');
  });
});

describe('packLaneRows', () => {
  it('packs overlapping intervals first-fit by start; touching bars share a row; points are not packed', () => {
    //          a: [0,10]  b: [5,15]  c: [10,20]  d: [12,13]  point at 7   e (lane 1): [0,100]
    const start = Float64Array.from([0, 5, 7, 10, 12, 0]);
    const end = Float64Array.from([10, 15, Number.NaN, 20, 13, 100]);
    const lane = Int32Array.from([0, 0, 0, 0, 0, 1]);
    // not sorted by start: e is last
    const { row, rowsPerLane } = packLaneRows(start, end, lane, 2);
    expect(Array.from(row)).toEqual([0, 1, -1, 0, 2, 0]);
    expect(Array.from(rowsPerLane)).toEqual([3, 1]);
  });

  it('reuses the lowest free row', () => {
    const start = Float64Array.from([0, 1, 2, 3]);
    const end = Float64Array.from([10, 2, 5, 4]);
    const { row } = packLaneRows(start, end, new Int32Array(4), 1);
    expect(Array.from(row)).toEqual([0, 1, 1, 2]);
  });

  it('handles nothing', () => {
    const r = packLaneRows(new Float64Array(0), new Float64Array(0), new Int32Array(0), 0);
    expect(r.row.length).toBe(0);
    expect(r.rowsPerLane.length).toBe(0);
  });
});
