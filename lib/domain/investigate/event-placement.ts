/**
 * Where one event sits in the analysis, for the event detail route (EventDetailDto minus the
 * stored record itself): its lane, aligned time and clock offset, its request group, the
 * entities it observed (spec section 5) and the findings and signals it triggered or backs as
 * evidence. Linear scans of the analysis: one event at a time, no index to keep.
 */
import type { EventDetailDto } from '../../schemas/investigation';
import { alignedSpanOf, laneOfEvent, offsetOfEvent, requestKeyOfEvent, type Investigated } from './investigated';

export type EventPlacement = Omit<EventDetailDto, 'event'>;

export function placeEvent(subject: Investigated, index: number): EventPlacement {
  const { analysis } = subject;
  const entities = new Set<string>();
  for (const o of analysis.observations) if (o.event === index) entities.add(o.entity);
  const findings: EventPlacement['findings'] = [];
  const involves = (f: { event: number; evidence: number[] }): boolean => f.event === index || f.evidence.includes(index);
  analysis.divergences.forEach((f, i) => {
    if (involves(f)) findings.push({ divergence: true, index: i });
  });
  analysis.signals.forEach((s, i) => {
    if (involves(s)) findings.push({ divergence: false, index: i });
  });
  return {
    lane: laneOfEvent(subject, index),
    at: alignedSpanOf(subject, index).at,
    offsetMs: offsetOfEvent(subject, index),
    request: requestKeyOfEvent(subject, index),
    entities: [...entities],
    findings,
  };
}
