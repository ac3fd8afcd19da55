/**
 * The postmortem document of a stored incident (lib/domain/postmortem/document.ts), for the
 * Markdown export: the team's words, the annotations that are not deleted, the findings marked
 * part of the story (matched to the current analysis by kind and triggering event), the raw
 * lines and witness values behind each, and the sources with their clock offsets.
 */
import { describeLocator } from '@/lib/domain/event';
import { buildEntityView } from '@/lib/domain/investigate';
import { divergenceDtos, signalDtos } from '@/lib/domain/investigate/finding-dtos';
import { alignedSpanOf } from '@/lib/domain/investigate/investigated';
import type { PostmortemDocument, WitnessValue } from '@/lib/domain/postmortem/document';
import { buildNarrative, type EventEvidence, type NarrativeAnnotation } from '@/lib/domain/postmortem/narrative';
import type { AnnotationTarget } from '@/lib/schemas/annotation';
import type { EntityViewDto } from '@/lib/schemas/investigation';
import { getIncidentAnalysis } from '../analysis/incident-analysis';
import type { AnalyzedIncident } from '../analysis/analyzed-incident';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { locatorOf } from '../queries/locator-of';

interface AnnotationRow {
  kind: string;
  targetType: string;
  eventId: number | null;
  entity: string | null;
  field: string | null;
  at: number | null;
  endAt: number | null;
  body: string;
  author: string;
}

/** A stored annotation's target; null for a row whose columns do not make one (never written so). */
export function annotationTarget(row: Pick<AnnotationRow, 'targetType' | 'eventId' | 'entity' | 'field' | 'at' | 'endAt'>): AnnotationTarget | null {
  if (row.targetType === 'event' && row.eventId !== null) return { type: 'event', eventId: row.eventId };
  if (row.targetType === 'state' && row.entity !== null && row.field !== null && row.at !== null) return { type: 'state', entity: row.entity, field: row.field, at: row.at };
  if (row.targetType === 'range' && row.at !== null && row.endAt !== null) return { type: 'range', from: row.at, to: row.endAt };
  return null;
}

function valueText(value: unknown): string {
  return value === null ? 'null' : String(value);
}

/** Each witness's held value of entity.field at `at`, from the entity's witness table. */
function witnessesAt(view: EntityViewDto | null, field: string, at: number): WitnessValue[] {
  const table = view?.fields.find((f) => f.field === field);
  if (!table) return [];
  let row = null;
  for (const r of table.rows) if (r.at <= at) row = r;
  if (!row) return [];
  return table.witnesses.flatMap((w, i) => {
    const cell = row.cells[i];
    return cell?.held ? [{ witness: w.label, value: valueText(cell.value), owner: w.owner }] : [];
  });
}

async function eventEvidence(analyzed: AnalyzedIncident, incidentId: string, ids: number[]): Promise<Map<number, EventEvidence>> {
  const { prisma } = await getDb();
  const rows = await prisma.event.findMany({
    where: { incidentId, id: { in: ids } },
    select: { id: true, raw: true, line: true, idx: true, spanId: true, seq: true, source: { select: { name: true } } },
  });
  return new Map(
    rows.map((row) => {
      const index = analyzed.indexOfEventId(row.id);
      const where = `${row.source.name} ${describeLocator(locatorOf(row) ?? { index: row.seq })}`;
      return [row.id, { at: index >= 0 ? alignedSpanOf(analyzed, index).at : null, line: { where, raw: row.raw } }];
    }),
  );
}

export async function getPostmortemDocument(incidentId: string, exportedAt: Date): Promise<PostmortemDocument> {
  const { prisma } = await getDb();
  const incident = await prisma.incident.findUnique({
    where: { id: incidentId },
    select: {
      id: true,
      name: true,
      postmortem: true,
      storyFindings: { select: { kind: true, eventId: true } },
      annotations: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!incident) throw new NotFoundError('incident', incidentId);
  const analyzed = await getIncidentAnalysis(incidentId, { alignment: true });

  const findings = [...divergenceDtos(analyzed), ...signalDtos(analyzed)];
  const story = findings.filter((f) => incident.storyFindings.some((s) => s.kind === f.kind && s.eventId === f.eventId));
  const annotations: NarrativeAnnotation[] = incident.annotations.flatMap((row) => {
    const target = annotationTarget(row);
    return target ? [{ kind: row.kind, target, body: row.body, author: row.author }] : [];
  });

  const eventIds = new Set<number>();
  for (const a of annotations) if (a.target.type === 'event') eventIds.add(a.target.eventId);
  for (const f of story) for (const id of [f.eventId, ...f.evidenceIds]) eventIds.add(id);
  const evidence = await eventEvidence(analyzed, incidentId, [...eventIds]);
  const views = new Map<string, EntityViewDto | null>();
  const viewOf = (entity: string) => {
    if (!views.has(entity)) views.set(entity, buildEntityView(analyzed, entity));
    return views.get(entity) ?? null;
  };

  const items = buildNarrative(annotations, story, {
    event: (id) => evidence.get(id) ?? null,
    witnessesAt: (entity, field, at) => witnessesAt(viewOf(entity), field, at),
  });
  const first = analyzed.analysis.firstDivergence;
  const pm = incident.postmortem;
  return {
    incident: { id: incident.id, name: incident.name },
    title: pm?.title ?? '',
    summary: pm?.summary ?? '',
    impact: pm?.impact ?? '',
    exportedAt: exportedAt.toISOString(),
    firstDivergence: first ? { at: first.at, kind: first.kind, summary: first.summary } : null,
    items,
    sources: analyzed.input.sources.map((source, i) => ({
      name: source.name,
      format: source.format,
      events: analyzed.outcomes[i]?.totals.events ?? 0,
      clocks: analyzed.lanes.lanes.filter((lane) => lane.source === i).map((lane) => `${lane.service || source.name} ${lane.offsetText}`),
    })),
  };
}
