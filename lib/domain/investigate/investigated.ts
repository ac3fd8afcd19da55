/**
 * What the investigation views (issue 4) are built from: one analysis of an incident's evidence
 * plus how its events are named outside the domain. The analysis refers to events by their
 * index in `input.events`; the API names them by their database id, which `eventIds` maps.
 *
 * Helpers here answer the questions every view asks about one event index: its lane, its id,
 * its request group's key, and its start and end in aligned time.
 */
import type { AnalysisResult } from '../analysis/analyze';
import type { AnalysisInput } from '../analysis/input';
import type { Lanes } from '../timeline/lanes';
import type { AnalysisProfile } from '../../schemas/profile';

export interface Investigated {
  input: AnalysisInput;
  analysis: AnalysisResult;
  /** Database id per event index. */
  eventIds: ArrayLike<number>;
  /** Database id per source index (`input.sources[i]`). */
  sourceIds: readonly string[];
  profile: AnalysisProfile | null;
  /** Timeline lanes (lib/domain/timeline/lanes.ts), one per clock domain. */
  lanes: Lanes;
}

export function eventIdOf(subject: Investigated, index: number): number {
  return subject.eventIds[index] ?? -1;
}

export function domainOfEvent(subject: Investigated, index: number): number {
  return subject.analysis.alignment.domainOf[index] ?? -1;
}

/** The event's lane; every event has a clock domain, so -1 only for an index out of range. */
export function laneOfEvent(subject: Investigated, index: number): number {
  const domain = domainOfEvent(subject, index);
  return domain >= 0 ? (subject.lanes.laneOfDomain[domain] ?? -1) : -1;
}

/** A request group's key: its first identifier, as the report names requests. */
export function requestKey(subject: Investigated, group: number): string | null {
  return group >= 0 ? (subject.analysis.groups.identifiers[group]?.[0] ?? null) : null;
}

export function requestKeyOfEvent(subject: Investigated, index: number): string | null {
  return requestKey(subject, subject.analysis.groups.groupOf[index] ?? -1);
}

/** The clock offset of the event's domain (0 with alignment off). */
export function offsetOfEvent(subject: Investigated, index: number): number {
  return subject.analysis.alignment.domains[domainOfEvent(subject, index)]?.offsetMs ?? 0;
}

/**
 * The event's aligned start (an interval's start, else its time) and an interval's aligned end,
 * shifted as the timeline columns shift them (lib/domain/timeline/columnar-events.ts): by
 * `alignedTs - ts` when the event has a time, else by its domain's offset. Null without a time.
 */
export function alignedSpanOf(subject: Investigated, index: number): { at: number | null; endAt: number | null } {
  if (index < 0 || index >= subject.input.events.length) return { at: null, endAt: null };
  const { events } = subject.input;
  const ts = events.ts[index]!;
  const aligned = subject.analysis.alignment.alignedTs[index];
  const shift = !Number.isNaN(ts) && aligned !== undefined && Number.isFinite(aligned) ? aligned - ts : -offsetOfEvent(subject, index);
  // An interval's start, else the time (NaN when neither: no interval has a NaN start).
  const hasInterval = !Number.isNaN(events.start[index]!);
  const start = hasInterval ? events.start[index]! : ts;
  return {
    at: Number.isFinite(start) ? start + shift : null,
    endAt: hasInterval && Number.isFinite(events.end[index]!) ? events.end[index]! + shift : null,
  };
}

/** `ts` in aligned time (what the events listing's `at` is), null without a time. */
export function alignedTsOf(subject: Investigated, index: number): number | null {
  const t = subject.analysis.alignment.alignedTs[index];
  return t !== undefined && Number.isFinite(t) ? t : null;
}
