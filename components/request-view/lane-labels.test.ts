import { describe, expect, it } from 'vitest';
import { eventLaneLabel, laneLabels } from './lane-labels';

const lane = (index: number, sourceId: string, source: string, service: string) => ({ index, sourceId, source, service });

describe('laneLabels', () => {
  it('names a single-service source by the source alone', () => {
    const labels = laneLabels([lane(0, 's1', 'browser.har', 'browser.har'), lane(1, 's2', 'gateway.log', '')]);
    expect(labels.get(0)).toBe('browser.har');
    expect(labels.get(1)).toBe('gateway.log');
  });

  it('adds the service when a source holds several', () => {
    const labels = laneLabels([lane(0, 's1', 'compose.log', 'api'), lane(1, 's1', 'compose.log', 'worker'), lane(2, 's1', 'compose.log', '')]);
    expect([...labels.values()]).toEqual(['compose.log/api', 'compose.log/worker', 'compose.log/(no service)']);
  });

  it('falls back to the event for an unknown lane', () => {
    const labels = laneLabels([]);
    expect(eventLaneLabel(labels, { lane: 3, source: 'a.log', service: 'cart' })).toBe('a.log/cart');
    expect(eventLaneLabel(labels, { lane: 3, source: 'a.log', service: null })).toBe('a.log');
  });
});
