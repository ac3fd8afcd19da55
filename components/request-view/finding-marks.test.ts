import { describe, expect, it } from 'vitest';
import type { FindingDto } from '@/lib/schemas/investigation';
import { findingMarks } from './finding-marks';

function finding(kind: FindingDto['kind'], eventId: number, index = 0): FindingDto {
  const divergence = ['conflict', 'stale_write', 'invariant', 'duplicate_effect'].includes(kind);
  return { index, kind, divergence, at: 0, entity: null, field: null, request: null, eventId, lane: 0, evidenceIds: [], summary: kind };
}

describe('findingMarks', () => {
  it('groups findings and signals by their triggering event', () => {
    const marks = findingMarks([finding('conflict', 10), finding('stale_write', 11), finding('invariant', 10)], [finding('retry', 11), finding('http_5xx', 12)], 1);
    expect(marks.get(10)?.divergences.map((f) => f.kind)).toEqual(['conflict', 'invariant']);
    expect(marks.get(10)?.firstDivergence).toBe(false);
    expect(marks.get(11)?.firstDivergence).toBe(true);
    expect(marks.get(11)?.signals.map((f) => f.kind)).toEqual(['retry']);
    expect(marks.get(12)?.divergences).toEqual([]);
    expect(marks.has(13)).toBe(false);
  });

  it('marks no first divergence when there is none', () => {
    const marks = findingMarks([finding('conflict', 10)], [], null);
    expect(marks.get(10)?.firstDivergence).toBe(false);
  });
});
