import { describe, expect, it } from 'vitest';
import { buildEventColumns } from '@/lib/domain/timeline/columnar-events';
import { demoInvestigation } from '@/lib/test-support/demo-investigation';
import { alignmentFor, domain, ev } from '@/lib/test-support/timeline-fixture';
import { columnPositions, stepFromEvent, stepFromTime } from './timeline-step';
import { EventTable } from '@/lib/domain/analysis/event-table';

const subject = demoInvestigation();

describe.each(['aligned', 'raw'] as const)('stepping through the demo timeline (%s)', (mode) => {
  const cols = subject.columns[mode];
  const positions = columnPositions(cols, subject.input.events.length);

  it('visits every timed event once, in time order, forward from the first and back from the last', () => {
    const forward: number[] = [];
    for (let k = stepFromTime(cols, 'next', {}); k !== null; k = stepFromEvent(cols, positions, cols.event[k]!, 'next')) forward.push(k);
    expect(forward).toHaveLength(cols.length);
    const times = forward.map((k) => cols.start[k]!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(forward.map((k) => cols.event[k])).size).toBe(cols.length);

    const backward: number[] = [];
    for (let k = stepFromTime(cols, 'prev', {}); k !== null; k = stepFromEvent(cols, positions, cols.event[k]!, 'prev')) backward.push(k);
    expect(backward).toEqual([...forward].reverse());
  });

  it('without an event, starts at or after `from` going forward and before `to` going back', () => {
    const t = cols.start[100]!;
    const next = stepFromTime(cols, 'next', { from: t })!;
    expect(cols.start[next]).toBe(t);
    expect(next === 0 || cols.start[next - 1]! < t).toBe(true);
    const prev = stepFromTime(cols, 'prev', { to: t })!;
    expect(cols.start[prev]!).toBeLessThan(t);
    expect(cols.start[prev + 1]!).toBeGreaterThanOrEqual(t);
    expect(stepFromTime(cols, 'next', { from: cols.start[cols.length - 1]! + 1 })).toBeNull();
    expect(stepFromTime(cols, 'prev', { to: cols.start[0]! })).toBeNull();
  });
});

describe('stepping around an event without a time', () => {
  const input = {
    sources: [{ name: 'a.log', format: null }],
    events: EventTable.of([ev(0, 0, { ts: 30 }), ev(0, 1, { unparsed: true }), ev(0, 2, { ts: 10 }), ev(0, 3, { ts: 20 })]),
  };
  const cols = buildEventColumns(input, alignmentFor(input, [domain(0, 'a.log')], [0, 0, 0, 0]), Int32Array.from([0]), 'aligned');
  const positions = columnPositions(cols, input.events.length);

  it('leaves it out: it has no neighbours, and its neighbours in the file are neighbours by time', () => {
    expect(Array.from(positions)).toEqual([2, -1, 0, 1]);
    expect(stepFromEvent(cols, positions, 1, 'next')).toBeNull();
    expect(cols.event[stepFromEvent(cols, positions, 2, 'next')!]).toBe(3);
    expect(cols.event[stepFromEvent(cols, positions, 3, 'next')!]).toBe(0);
    expect(stepFromEvent(cols, positions, 0, 'next')).toBeNull();
    expect(stepFromEvent(cols, positions, 2, 'prev')).toBeNull();
  });
});
