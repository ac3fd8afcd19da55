/**
 * The postmortem document of a stored incident (lib/domain/postmortem/document.ts), for the
 * Markdown export: the team's words, the narrative the postmortem view shows (annotations and
 * story findings with their evidence, lib/server/annotations/narrative.ts), the first divergence
 * and the sources with their clock offsets.
 */
import { toDocumentItem } from '@/lib/domain/postmortem/from-narrative';
import type { PostmortemDocument } from '@/lib/domain/postmortem/document';
import { getIncidentAnalysis } from '../analysis/incident-analysis';
import { getPostmortemNarrative } from '../annotations/narrative';
import { getPostmortem } from '../annotations/postmortem';
import { getIncident } from '../queries/get-incident';

export async function getPostmortemDocument(incidentId: string, exportedAt: Date): Promise<PostmortemDocument> {
  const incident = await getIncident(incidentId);
  const [postmortem, narrative, analyzed] = await Promise.all([
    getPostmortem(incidentId),
    getPostmortemNarrative(incidentId),
    getIncidentAnalysis(incidentId, { alignment: true }),
  ]);
  const first = analyzed.analysis.firstDivergence;
  return {
    incident: { id: incident.id, name: incident.name },
    title: postmortem.title,
    summary: postmortem.summary,
    impact: postmortem.impact,
    exportedAt: exportedAt.toISOString(),
    firstDivergence: first ? { at: first.at, kind: first.kind, summary: first.summary } : null,
    items: narrative.items.map(toDocumentItem),
    sources: analyzed.input.sources.map((source, i) => ({
      name: source.name,
      format: source.format,
      events: analyzed.outcomes[i]?.totals.events ?? 0,
      clocks: analyzed.lanes.lanes.filter((lane) => lane.source === i).map((lane) => `${lane.service || source.name} ${lane.offsetText}`),
    })),
  };
}
