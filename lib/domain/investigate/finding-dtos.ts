/**
 * Findings as the investigation API lists them (lib/schemas/investigation.ts FindingDto): the
 * analysis's divergences and signals, in the analysis's order (`index` is the position in that
 * list, stable for one fingerprint), with events named by database id and the trigger's lane
 * and request key, so a click can open the event, its lane or its request.
 */
import type { DivergenceFinding, SignalFinding } from '../analysis/results';
import type { FindingDto } from '../../schemas/investigation';
import { eventIdOf, laneOfEvent, requestKey, type Investigated } from './investigated';

function toFindingDto(subject: Investigated, finding: DivergenceFinding | SignalFinding, index: number): FindingDto {
  const divergence = 'entity' in finding;
  return {
    index,
    kind: finding.kind,
    divergence,
    at: finding.at,
    entity: divergence ? finding.entity : null,
    field: divergence ? finding.field : null,
    request: requestKey(subject, finding.request),
    eventId: eventIdOf(subject, finding.event),
    lane: laneOfEvent(subject, finding.event),
    evidenceIds: finding.evidence.map((e) => eventIdOf(subject, e)),
    summary: finding.summary,
  };
}

/** Every divergence (spec section 6 kinds 1-4), in `at` order. */
export function divergenceDtos(subject: Investigated): FindingDto[] {
  return subject.analysis.divergences.map((f, i) => toFindingDto(subject, f, i));
}

export function signalDtos(subject: Investigated): FindingDto[] {
  return subject.analysis.signals.map((s, i) => toFindingDto(subject, s, i));
}

/** The divergences that `keep` selects, with their incident-wide index. */
export function divergenceDtosWhere(subject: Investigated, keep: (f: DivergenceFinding) => boolean): FindingDto[] {
  const out: FindingDto[] = [];
  subject.analysis.divergences.forEach((f, i) => {
    if (keep(f)) out.push(toFindingDto(subject, f, i));
  });
  return out;
}

export function signalDtosWhere(subject: Investigated, keep: (s: SignalFinding) => boolean): FindingDto[] {
  const out: FindingDto[] = [];
  subject.analysis.signals.forEach((s, i) => {
    if (keep(s)) out.push(toFindingDto(subject, s, i));
  });
  return out;
}

/**
 * The position in `subset` of its first divergence: divergences are sorted by the first-divergence
 * order (lib/domain/findings/first-divergence.ts), so a subset in that order starts with its own
 * first divergence (spec section 6: each entity and each request has one).
 */
export function firstIndexOf(subset: readonly FindingDto[]): number | null {
  return subset.length > 0 ? 0 : null;
}
