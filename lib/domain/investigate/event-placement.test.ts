import { describe, expect, it } from 'vitest';
import { demo, demoInvestigation, indexOfRef } from '@/lib/test-support/demo-investigation';
import { placeEvent } from './event-placement';

const subject = demoInvestigation();
const { analysis } = subject;

describe('placing an event in the analysis', () => {
  const expected = demo.expectations.firstDivergence;
  const trigger = indexOfRef(subject, expected.event);
  const placed = placeEvent(subject, trigger);

  it('names the first divergence it triggers, the entity it observed and its request', () => {
    expect(placed.findings).toContainEqual({ divergence: true, index: analysis.divergences.indexOf(analysis.firstDivergence!) });
    expect(placed.entities).toContain(expected.entity);
    expect(expected.requestIds).toContain(placed.request);
  });

  it('gives its lane, offset and aligned time', () => {
    const domain = analysis.alignment.domainOf[trigger]!;
    expect(placed.lane).toBe(subject.lanes.laneOfDomain[domain]);
    expect(placed.offsetMs).toBe(analysis.alignment.domains[domain]!.offsetMs);
    const event = subject.input.events.at(trigger);
    expect(placed.at).toBe((event.interval?.[0] ?? event.ts!) - placed.offsetMs);
  });

  it('lists the findings an event backs as evidence, not only those it triggers', () => {
    const finding = analysis.divergences.findIndex((f) => f.evidence.length > 0);
    const evidence = analysis.divergences[finding]!.evidence[0]!;
    expect(placeEvent(subject, evidence).findings).toContainEqual({ divergence: true, index: finding });
    const signal = analysis.signals.findIndex((s) => s.evidence.length > 0);
    expect(placeEvent(subject, analysis.signals[signal]!.evidence[0]!).findings).toContainEqual({ divergence: false, index: signal });
  });

  it('an event outside every request, entity and finding has none', () => {
    const quiet = subject.input.events.toArray().findIndex((_, i) => analysis.groups.groupOf[i] === -1 && !analysis.observations.some((o) => o.event === i));
    expect(quiet).toBeGreaterThanOrEqual(0);
    expect(placeEvent(subject, quiet)).toMatchObject({ request: null, entities: [] });
  });
});
