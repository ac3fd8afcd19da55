/**
 * The postmortem's narrative (issue 5) in one request: the incident's annotations (not deleted)
 * and the findings marked part of the story, in aligned time, each with its evidence: the raw
 * lines of its event(s) and, for a state target or a finding about an entity field, what each
 * witness held at that moment (the entity view's witness table). The Markdown export can reuse it.
 */
import { orderNarrative } from '@/lib/domain/annotations/narrative-order';
import { witnessValuesAt } from '@/lib/domain/annotations/witness-values-at';
import { buildEntityView } from '@/lib/domain/investigate/entity-view';
import { divergenceDtosWhere, signalDtosWhere } from '@/lib/domain/investigate/finding-dtos';
import { alignedSpanOf, eventIdOf } from '@/lib/domain/investigate/investigated';
import type { AnnotationDto, NarrativeDto, NarrativeEvidence, NarrativeItem } from '@/lib/schemas/annotation';
import type { EntityViewDto, FindingDto } from '@/lib/schemas/investigation';
import { getIncidentAnalysis } from '../analysis/incident-analysis';
import type { AnalyzedIncident } from '../analysis/analyzed-incident';
import { getDb } from '../db/client';
import { incidentNumber } from '../db/incident-number';
import { withRawTexts } from '../source-text';
import { withSourceIds } from '../queries/to-event-dto';
import { listAnnotations } from './annotations';
import { getPostmortem } from './postmortem';

/** Evidence lines per finding: the trigger and the first few others, enough to read, not a dump. */
const EVIDENCE_EVENTS = 4;

interface Draft {
  at: number | null;
  annotation: AnnotationDto | null;
  finding: NarrativeItem['finding'];
  eventIds: number[];
  witnesses: { entity: string; field: string; at: number } | null;
}

function findStoryFinding(analyzed: AnalyzedIncident, kind: string, eventId: number): FindingDto | null {
  const match = (f: { kind: string; event: number }) => f.kind === kind && eventIdOf(analyzed, f.event) === eventId;
  return divergenceDtosWhere(analyzed, match)[0] ?? signalDtosWhere(analyzed, match)[0] ?? null;
}

function eventAt(analyzed: AnalyzedIncident, eventId: number): number | null {
  const index = analyzed.indexOfEventId(eventId);
  return index < 0 ? null : alignedSpanOf(analyzed, index).at;
}

function draftOf(analyzed: AnalyzedIncident, annotation: AnnotationDto): Draft {
  const t = annotation.target;
  if (t.type === 'event') return { at: eventAt(analyzed, t.eventId), annotation, finding: null, eventIds: [t.eventId], witnesses: null };
  if (t.type === 'state') return { at: t.at, annotation, finding: null, eventIds: [], witnesses: { entity: t.entity, field: t.field, at: t.at } };
  return { at: t.from, annotation, finding: null, eventIds: [], witnesses: null };
}

export async function getPostmortemNarrative(incidentId: string): Promise<NarrativeDto> {
  const [annotations, postmortem] = await Promise.all([listAnnotations(incidentId, { deleted: false }), getPostmortem(incidentId)]);
  const analyzed = await getIncidentAnalysis(incidentId, { alignment: true });

  const drafts: Draft[] = annotations.map((a) => draftOf(analyzed, a));
  for (const key of postmortem.story) {
    const f = findStoryFinding(analyzed, key.kind, key.eventId);
    const summary = f?.summary ?? `${key.kind.replace('_', ' ')} (not found in the current analysis)`;
    drafts.push({
      at: f?.at ?? eventAt(analyzed, key.eventId),
      annotation: null,
      finding: { kind: key.kind, eventId: key.eventId, summary, entity: f?.entity ?? null, field: f?.field ?? null },
      eventIds: [key.eventId, ...(f?.evidenceIds ?? []).filter((id) => id !== key.eventId)].slice(0, EVIDENCE_EVENTS),
      witnesses: f?.entity && f.field ? { entity: f.entity, field: f.field, at: f.at } : null,
    });
  }

  // Witness values name the row's observing event too: its raw line is evidence of the state.
  const views = new Map<string, EntityViewDto | null>();
  const entityView = (entity: string) => {
    if (!views.has(entity)) views.set(entity, buildEntityView(analyzed, entity));
    return views.get(entity) ?? null;
  };
  const witnessed = drafts.map((d) => {
    if (!d.witnesses) return null;
    const field = entityView(d.witnesses.entity)?.fields.find((f) => f.field === d.witnesses!.field);
    if (!field) return null;
    const { values, eventId } = witnessValuesAt(field, d.witnesses.at);
    if (eventId !== null && d.eventIds.length === 0) d.eventIds.push(eventId);
    return { ...d.witnesses, values };
  });

  const raw = await rawLines(incidentId, [...new Set(drafts.flatMap((d) => d.eventIds))], analyzed);
  const items: NarrativeItem[] = drafts.map((d, i) => {
    const evidence: NarrativeEvidence = { events: d.eventIds.flatMap((id) => raw.get(id) ?? []), witnesses: witnessed[i] ?? null };
    return { at: d.at, annotation: d.annotation, finding: d.finding, evidence };
  });
  return { items: orderNarrative(items) };
}

async function rawLines(incidentId: string, ids: number[], analyzed: AnalyzedIncident): Promise<Map<number, NarrativeEvidence['events']>> {
  if (ids.length === 0) return new Map();
  const { prisma } = await getDb();
  const number = await incidentNumber(prisma, incidentId);
  if (number === null) return new Map();
  const select = { id: true, position: true, raw: true, rawOffset: true, rawLength: true } as const;
  const found = await prisma.event.findMany({ where: { id: { in: ids }, incidentNumber: number }, select });
  const sources = await prisma.source.findMany({ where: { incidentId }, select: { id: true, name: true, position: true } });
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const rows = withRawTexts(withSourceIds(found, new Map(sources.map((s) => [s.position, s.id]))));
  return new Map(rows.map((r) => [r.id, [{ id: r.id, source: sourceName.get(r.sourceId) ?? r.sourceId, at: eventAt(analyzed, r.id), raw: r.raw }]]));
}
