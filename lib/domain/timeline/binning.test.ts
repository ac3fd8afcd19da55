import { describe, expect, it } from 'vitest';
import { BIN_THRESHOLD, binEvents, binIndex, shouldBin } from './binning';
import { countVisible, type EventColumns } from './columnar-events';

function cols(rows: Array<[start: number, end: number, lane: number, level: number]>): EventColumns {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  let maxDurationMs = 0;
  for (const r of sorted) if (r[1] - r[0] > maxDurationMs) maxDurationMs = r[1] - r[0];
  return {
    mode: 'aligned',
    length: sorted.length,
    start: Float64Array.from(sorted.map((r) => r[0])),
    end: Float64Array.from(sorted.map((r) => r[1])),
    lane: Int32Array.from(sorted.map((r) => r[2])),
    level: Uint8Array.from(sorted.map((r) => r[3])),
    event: Int32Array.from(sorted.map((_, i) => i)),
    maxDurationMs,
  };
}

const NaN_ = Number.NaN;

describe('binEvents', () => {
  // Window [0, 100) over 10 columns: 10 ms per column.
  const w = { startMs: 0, endMs: 100 };

  it('counts points per lane and column, keeps the highest level, leaves gaps at 0', () => {
    const c = cols([
      [1, NaN_, 0, 3],
      [9, NaN_, 0, 5],
      [15, NaN_, 0, 4],
      [55, NaN_, 1, 2],
      [100, NaN_, 1, 6], // exactly at the window's end: last column
    ]);
    const b = binEvents(c, w, 10, 2);
    expect(Array.from(b.count.subarray(0, 10))).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(b.count.subarray(10, 20))).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(b.maxLevel[binIndex(b, 0, 0)]).toBe(5);
    expect(b.maxLevel[binIndex(b, 0, 1)]).toBe(4);
    expect(b.maxLevel[binIndex(b, 1, 9)]).toBe(6);
  });

  it('counts an interval in every column it covers, clipped to the window', () => {
    const c = cols([
      [-50, 25, 0, 5], // starts before the window: columns 0-2
      [42, 61, 0, 3], // columns 4-6
      [90, 500, 0, 4], // runs past the end: column 9
      [-10, -1, 0, 6], // ends before the window: not counted
    ]);
    const b = binEvents(c, w, 10, 1);
    expect(Array.from(b.count)).toEqual([1, 1, 1, 0, 1, 1, 1, 0, 0, 1]);
    expect(Array.from(b.maxLevel)).toEqual([5, 5, 5, 0, 3, 3, 3, 0, 0, 4]);
    expect(b.count.reduce((a, x) => a + x, 0)).toBeGreaterThan(countVisible(c, w));
  });

  it('gives all gaps for an empty incident, a window outside the extent, or no width', () => {
    expect(Array.from(binEvents(cols([]), w, 4, 2).count)).toEqual(new Array(8).fill(0));
    const c = cols([[5, NaN_, 0, 3]]);
    expect(Array.from(binEvents(c, { startMs: 1000, endMs: 2000 }, 4, 1).count)).toEqual([0, 0, 0, 0]);
    expect(binEvents(c, w, 0, 1).count.length).toBe(0);
    expect(binEvents(c, { startMs: 5, endMs: 5 }, 4, 1).count.every((x) => x === 0)).toBe(true);
  });

  it('a single event lands in one column; events of unknown lanes are skipped', () => {
    const c = cols([
      [50, NaN_, 0, 0],
      [50, NaN_, -1, 6],
      [50, NaN_, 7, 6],
    ]);
    const b = binEvents(c, w, 10, [{}]);
    expect(Array.from(b.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(b.maxLevel[5]).toBe(0);
  });

  it('bins a million synthetic events exactly', () => {
    const n = 1_000_000;
    const lanes = 4;
    const width = 1000;
    const start = new Float64Array(n);
    const end = new Float64Array(n).fill(Number.NaN);
    const lane = new Int32Array(n);
    const level = new Uint8Array(n);
    const expectedCount = new Uint32Array(lanes * width);
    const expectedLevel = new Uint8Array(lanes * width);
    // Event k at t = k ms, lane k % 4, level (k / 7) % 7; every 10th event is a 25 ms interval.
    for (let k = 0; k < n; k++) {
      start[k] = k;
      lane[k] = k % lanes;
      level[k] = Math.floor(k / 7) % 7;
      if (k % 10 === 0) end[k] = k + 25;
    }
    // Window [200,000, 300,000]: 100 ms per column.
    const win = { startMs: 200_000, endMs: 300_000 };
    for (let k = 0; k < n; k++) {
      const s = start[k]!;
      const e = Number.isNaN(end[k]!) ? s : end[k]!;
      if (s > win.endMs || e < win.startMs) continue;
      const c0 = Math.min(width - 1, Math.max(0, Math.floor((s - win.startMs) / 100)));
      const c1 = Math.min(width - 1, Math.max(0, Math.floor((e - win.startMs) / 100)));
      for (let c = c0; c <= c1; c++) {
        const i = lane[k]! * width + c;
        expectedCount[i]!++;
        if (level[k]! > expectedLevel[i]!) expectedLevel[i] = level[k]!;
      }
    }
    const c: EventColumns = { mode: 'raw', length: n, start, end, lane, level, event: new Int32Array(n), maxDurationMs: 25 };
    expect(shouldBin(countVisible(c, win))).toBe(true);
    const b = binEvents(c, win, width, lanes);
    expect(b.count).toEqual(expectedCount);
    expect(b.maxLevel).toEqual(expectedLevel);
    expect(b.count.reduce((a, x) => a + x, 0)).toBeGreaterThan(100_000);
  });
});

describe('shouldBin', () => {
  it('draws one by one up to the threshold, bins above', () => {
    expect(BIN_THRESHOLD).toBe(10_000);
    expect(shouldBin(0)).toBe(false);
    expect(shouldBin(10_000)).toBe(false);
    expect(shouldBin(10_001)).toBe(true);
  });
});
