import { describe, expect, it } from 'vitest';
import { snappedRect } from './pixel-snap';

function record(x: number, y: number, w: number, h: number, dpr: number): number[] {
  const out: number[] = [];
  snappedRect({ rect: (...a: number[]) => out.push(...a) }, x, y, w, h, dpr);
  return out;
}

describe('snappedRect', () => {
  it('puts every edge on a device pixel', () => {
    expect(record(10.3, 4.6, 1.127, 20.2, 1)).toEqual([10, 5, 1, 20]);
    expect(record(10.3, 4.6, 1.127, 20.2, 2)).toEqual([10.5, 4.5, 1, 20.5]);
  });

  it('keeps adjacent bars adjacent: one bar ends where the next begins', () => {
    const a = record(0.3 + 5 * 1.127, 0, 1.127, 10, 1);
    const b = record(0.3 + 6 * 1.127, 0, 1.127, 10, 1);
    expect(a[0]! + a[2]!).toBeLessThanOrEqual(b[0]!);
  });

  it('never drops a mark thinner than a pixel', () => {
    expect(record(3.2, 0, 0.1, 0.1, 1)).toEqual([3, 0, 1, 1]);
  });
});
