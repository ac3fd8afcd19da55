import { describe, expect, it } from 'vitest';
import type { FindingDto } from '@/lib/schemas/investigation';
import { laneLayout } from './lane-layout';
import { buildMarkers, firstDivergenceX, hitMarker, markerPosition, markerTime } from './marker-geometry';

function finding(index: number, at: number, lane: number, divergence: boolean): FindingDto {
  return { index, kind: divergence ? 'conflict' : 'retry', divergence, at, entity: null, field: null, request: null, eventId: 100 + index, lane, evidenceIds: [], summary: `f${index}` };
}

const investigation = {
  findings: [finding(0, 1000, 1, true), finding(1, 2000, 0, true)],
  signals: [finding(0, 1500, 0, false)],
  firstDivergence: 0,
};
const layout = laneLayout(2, { axisHeight: 0, laneHeight: 40, padding: 4 });
const scale = { startMs: 0, pxPerMs: 0.1 };
const offsets = [0, 4000];

describe('buildMarkers', () => {
  it('draws signals first and the first divergence last', () => {
    const markers = buildMarkers(investigation);
    expect(markers.map((m) => [m.divergence, m.first, m.finding.index])).toEqual([
      [false, false, 0],
      [true, false, 1],
      [true, true, 0],
    ]);
  });
});

describe('marker placement', () => {
  const markers = buildMarkers(investigation);
  const first = markers[2]!;

  it('shifts a marker by its lane offset in raw time', () => {
    expect(markerTime(first, offsets, 0)).toBe(1000);
    expect(markerTime(first, offsets, 1)).toBe(5000);
    expect(markerPosition(first, layout, scale, offsets, 1).x).toBe(500);
    expect(firstDivergenceX(markers, scale, offsets, 0)).toBe(100);
  });

  it('sits on its own lane', () => {
    expect(markerPosition(first, layout, scale, offsets, 0).y).toBeGreaterThan(40);
    expect(markerPosition(markers[0]!, layout, scale, offsets, 0).y).toBeLessThan(40);
  });

  it('hits the topmost marker near the pointer', () => {
    const p = markerPosition(first, layout, scale, offsets, 0);
    expect(hitMarker(markers, layout, scale, offsets, 0, p.x + 2, p.y)).toBe(first);
    expect(hitMarker(markers, layout, scale, offsets, 0, p.x + 30, p.y)).toBeNull();
    // In raw time the marker moved 400 px right: its aligned spot is empty.
    expect(hitMarker(markers, layout, scale, offsets, 1, p.x, p.y)).toBeNull();
  });

  it('has no first-divergence line without a first divergence', () => {
    expect(firstDivergenceX(buildMarkers({ ...investigation, firstDivergence: null }), scale, offsets, 0)).toBeNull();
  });
});
