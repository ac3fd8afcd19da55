/**
 * The postmortem's narrative: the team's annotations and the findings they marked part of the
 * story, merged in aligned time, each with its evidence. Pure: the server supplies the lookups
 * (an event's aligned time and raw line, an entity's witness values at a moment).
 */
import type { AnnotationTarget } from '../../schemas/annotation';
import type { FindingDto } from '../../schemas/investigation';
import type { EvidenceLine, NarrativeItem, WitnessValue } from './document';

export interface NarrativeAnnotation {
  kind: string;
  target: AnnotationTarget;
  body: string;
  author: string;
}

export interface EventEvidence {
  at: number | null;
  line: EvidenceLine;
}

export interface NarrativeLookups {
  /** Null for an event the analysis does not have (deleted source). */
  event(eventId: number): EventEvidence | null;
  /** Each witness's held value of entity.field at `at` (aligned), empty when none. */
  witnessesAt(entity: string, field: string, at: number): WitnessValue[];
}

function hhmmss(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function annotationItem(a: NarrativeAnnotation, lookups: NarrativeLookups): NarrativeItem {
  const base = { source: 'annotation' as const, kind: a.kind, text: a.body, author: a.author };
  const { target } = a;
  if (target.type === 'event') {
    const found = lookups.event(target.eventId);
    return { ...base, at: found?.at ?? null, endAt: null, subject: `event #${target.eventId}`, evidence: found ? [found.line] : [], witnesses: [] };
  }
  if (target.type === 'state') {
    return {
      ...base,
      at: target.at,
      endAt: null,
      subject: `${target.entity} · ${target.field}`,
      evidence: [],
      witnesses: lookups.witnessesAt(target.entity, target.field, target.at),
    };
  }
  return { ...base, at: target.from, endAt: target.to, subject: `${hhmmss(target.from)} to ${hhmmss(target.to)}`, evidence: [], witnesses: [] };
}

function findingItem(f: FindingDto, lookups: NarrativeLookups): NarrativeItem {
  const evidence = [f.eventId, ...f.evidenceIds].flatMap((id) => {
    const found = lookups.event(id);
    return found ? [found.line] : [];
  });
  const subject = f.entity ? `${f.entity}${f.field ? ` · ${f.field}` : ''}` : f.request ? `request ${f.request}` : `event #${f.eventId}`;
  return {
    at: f.at,
    endAt: null,
    source: 'finding',
    kind: f.kind,
    subject,
    text: f.summary,
    author: null,
    evidence,
    witnesses: f.entity && f.field ? lookups.witnessesAt(f.entity, f.field, f.at) : [],
  };
}

/** Annotations and story findings in aligned time; untimed ones last; ties keep annotations first. */
export function buildNarrative(annotations: readonly NarrativeAnnotation[], story: readonly FindingDto[], lookups: NarrativeLookups): NarrativeItem[] {
  const items = [...annotations.map((a) => annotationItem(a, lookups)), ...story.map((f) => findingItem(f, lookups))];
  return items.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || 0);
}
