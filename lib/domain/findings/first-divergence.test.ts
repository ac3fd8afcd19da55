import { describe, expect, it } from 'vitest';
import type { DivergenceFinding } from '../analysis/results';
import { buildIncident } from '@/lib/test-support/incident-fixture';
import { firstDivergence, firstDivergenceByEntity, firstDivergenceByRequest } from './first-divergence';

const incident = buildIncident({
  sources: [{ name: 'a.log' }, { name: 'b.log' }],
  events: [
    { source: 'a.log', t: 0 },
    { source: 'a.log', t: 0 },
    { source: 'a.log', t: 0 },
    { source: 'b.log', t: 0 },
    { source: 'b.log', t: 0 },
  ],
});
const { input } = incident;
// a.log: events 0,1,2 (seq 0,1,2); b.log: events 3,4 (seq 0,1).
const f = (at: number, event: number, over: Partial<DivergenceFinding> = {}): DivergenceFinding => ({
  kind: 'conflict',
  at,
  event,
  entity: 'item:1',
  field: 'qty',
  request: -1,
  evidence: [],
  summary: '',
  ...over,
});

describe('firstDivergence', () => {
  it('is the earliest at', () => {
    expect(firstDivergence([f(20, 0), f(10, 2), f(15, 3)], input)).toEqual(f(10, 2));
    expect(firstDivergence([], input)).toBeNull();
  });

  it('breaks ties by the position in its source, then source order, then kind', () => {
    // b.log's first record (seq 0) beats a.log's second (seq 1) at the same time.
    expect(firstDivergence([f(10, 1), f(10, 3)], input)?.event).toBe(3);
    // Same position: the source given first.
    expect(firstDivergence([f(10, 3), f(10, 0)], input)?.event).toBe(0);
    // Same event: conflict before stale_write.
    expect(firstDivergence([f(10, 0, { kind: 'stale_write' }), f(10, 0)], input)?.kind).toBe('conflict');
  });

  it('per entity and per request', () => {
    const findings = [f(20, 0, { entity: 'item:1', request: 0 }), f(10, 1, { entity: 'item:2', request: 0 }), f(5, 2, { entity: 'item:1', request: -1 }), f(1, 3, { entity: null, request: 1 })];
    const byEntity = firstDivergenceByEntity(findings, input);
    expect([...byEntity.entries()].map(([k, v]) => [k, v.event])).toEqual([
      ['item:1', 2],
      ['item:2', 1],
    ]);
    const byRequest = firstDivergenceByRequest(findings, input);
    expect([...byRequest.entries()].map(([k, v]) => [k, v.event])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });
});
