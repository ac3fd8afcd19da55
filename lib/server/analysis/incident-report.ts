/**
 * getIncidentReport: the report of spec section 7 for a stored incident, the same document the
 * command line prints for the same files and profile.
 *
 *   state (profile + reported sources) -> fingerprint -> cached row? -> serve its JSON text
 *                                                     -> else analyze (incident-analysis.ts),
 *                                                        build the report, store it under the
 *                                                        fingerprint
 *
 * Any instance serves a stored row without analyzing. On a miss the analysis comes from
 * getIncidentAnalysis's memory when a view already computed it (and stays there for the views
 * after), so the report and the investigation views always read one analysis. Concurrent
 * requests for one fingerprint in this process share one computation; other instances find the
 * row once it is stored. If the inputs moved while the analysis was computed (an upload
 * settled), the report is returned but not cached under a fingerprint it does not match.
 */
import { buildReport } from '@/lib/domain/report/report';
import { getDb } from '../db/client';
import { type AnalysisState, getAnalysisState } from '../queries/get-analysis-state';
import { getCachedReport } from '../queries/get-cached-report';
import { saveCachedReport } from '../queries/save-cached-report';
import { analysisFingerprint, type ReportOptions } from './analysis-fingerprint';
import { analyzeIncidentState } from './incident-analysis';
import { shareInFlight } from '../share-in-flight';

export type ReportOrigin = 'cache' | 'computed' | 'shared';

export interface IncidentReport {
  /** The report as JSON text (cached rows are served without parsing them). */
  json: string;
  /** cache: a stored row; computed: by this request; shared: by a concurrent request in this process. */
  origin: ReportOrigin;
  /** This request's time, ms. */
  ms: number;
  /** How long the analysis took when it was computed, ms. */
  computeMs: number;
}

async function compute(state: AnalysisState, fingerprint: string, options: ReportOptions): Promise<{ json: string; computeMs: number }> {
  const { prisma } = await getDb();
  const { analyzed, current } = await analyzeIncidentState(state, fingerprint, options);
  const started = performance.now();
  const json = JSON.stringify(buildReport(analyzed.outcomes, { input: analyzed.input, analysis: analyzed.analysis }));
  const computeMs = analyzed.computeMs + (performance.now() - started);
  if (current) await saveCachedReport(prisma, state.incidentId, fingerprint, json, computeMs);
  return { json, computeMs };
}

export async function getIncidentReport(incidentId: string, options: ReportOptions): Promise<IncidentReport> {
  const started = performance.now();
  const { prisma } = await getDb();
  const state = await getAnalysisState(prisma, incidentId);
  const fingerprint = analysisFingerprint(state, options);
  const cached = await getCachedReport(prisma, incidentId, fingerprint);
  if (cached) return { json: cached.report, origin: 'cache', ms: performance.now() - started, computeMs: cached.computeMs };
  const { value, joined } = await shareInFlight(`${incidentId}:${fingerprint}`, () => compute(state, fingerprint, options));
  return { ...value, origin: joined ? 'shared' : 'computed', ms: performance.now() - started };
}
