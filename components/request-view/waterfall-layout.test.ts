import { describe, expect, it } from 'vitest';
import { waterfallLayout, type WaterfallGeometry } from './waterfall-layout';

const G: WaterfallGeometry = { rowHeight: 10, rowGap: 2, lanePadding: 4 };
const T = 1_000_000;

function ev(id: number, lane: number, at: number | null, endAt: number | null = null) {
  return { id, lane, source: `s${lane}.log`, service: null, at, endAt, level: null, name: null, message: `event ${id}` };
}

describe('waterfallLayout', () => {
  it('orders lanes by the request reaching them and stacks their heights', () => {
    const layout = waterfallLayout([ev(1, 2, T), ev(2, 0, T + 5), ev(3, 1, null)], [0, 1, 2], new Map([[2, 'browser.har']]), G);
    expect(layout.lanes.map((l) => l.lane)).toEqual([2, 0, 1]);
    expect(layout.lanes.map((l) => l.label)).toEqual(['browser.har', 's0.log', 's1.log']);
    // One row each: 4 + 10 + 4.
    expect(layout.lanes.map((l) => l.top)).toEqual([0, 18, 36]);
    expect(layout.height).toBe(54);
    expect(layout.untimed).toBe(1);
    expect(layout.lanes[2]!.events).toBe(0);
  });

  it('packs overlapping bars into rows and lays ticks across the lane', () => {
    const layout = waterfallLayout([ev(1, 0, T, T + 100), ev(2, 0, T + 10, T + 50), ev(3, 0, T + 20), ev(4, 0, T + 100, T + 120)], [0], new Map(), G);
    const [lane] = layout.lanes;
    expect(lane!.height).toBe(4 + 10 + 2 + 10 + 4);
    const byId = new Map(layout.marks.map((m) => [m.eventId, m]));
    expect(byId.get(1)).toMatchObject({ bar: true, top: 4, height: 10, start: T, end: T + 100 });
    expect(byId.get(2)).toMatchObject({ bar: true, top: 16 });
    // Touching bars share a row.
    expect(byId.get(4)).toMatchObject({ bar: true, top: 4 });
    expect(byId.get(3)).toMatchObject({ bar: false, top: 2, height: lane!.height - 4, start: T + 20, end: T + 20 });
  });

  it('pads the window around the marks, and gives a single instant some width', () => {
    const wide = waterfallLayout([ev(1, 0, T, T + 1000)], [0], new Map(), G);
    expect(wide.window!.startMs).toBeLessThan(T);
    expect(wide.window!.endMs).toBeGreaterThan(T + 1000);
    const point = waterfallLayout([ev(1, 0, T)], [0], new Map(), G);
    expect(point.window!.startMs).toBeLessThan(T);
    expect(point.window!.endMs).toBeGreaterThan(T);
    expect(waterfallLayout([ev(1, 0, null)], [0], new Map(), G).window).toBeNull();
  });

  it('treats an end before the start as an instant bar', () => {
    const layout = waterfallLayout([ev(1, 0, T, T - 5)], [0], new Map(), G);
    expect(layout.marks[0]).toMatchObject({ bar: true, start: T, end: T });
  });
});
