/**
 * The investigation API (issue 4) on the server: each function finds the incident's analysis
 * (lib/server/analysis/incident-analysis.ts, kept in memory) and hands it to the pure builders
 * of lib/domain/investigate. This file: what the investigation opens with, built once per
 * analysis (it lists every finding and entity, so it is worth keeping).
 */
import { buildInvestigationSummary } from '@/lib/domain/investigate/investigation-summary';
import { columnsExtent } from '@/lib/domain/timeline/columnar-events';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import { type AnalysisOptions, getIncidentAnalysis } from '../analysis/incident-analysis';

export async function getInvestigation(incidentId: string, options: AnalysisOptions): Promise<InvestigationDto> {
  const analyzed = await getIncidentAnalysis(incidentId, options);
  // The aligned columns are what the timeline draws first; raw ones wait until someone asks.
  return analyzed.memo('investigation', () =>
    buildInvestigationSummary(analyzed, analyzed.fingerprint, { aligned: columnsExtent(analyzed.columns('aligned')), raw: analyzed.extent('raw') }),
  );
}
