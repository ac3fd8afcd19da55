/**
 * knownClockOffsets: the clock offset of each (source, service) domain of an incident's
 * current evidence (alignment on), when an analysis of it is already known, so the events
 * listing can show aligned time (`at`) without ever computing an analysis itself:
 *
 *   1. the analysis kept in this process (incident-analysis.ts) for the current fingerprint;
 *   2. else the cached report row of that fingerprint (any instance may have stored it): its
 *      sources' domains, read once per fingerprint and kept (RECENT_OFFSET_TABLES);
 *   3. else null: nothing is known yet (the listing says `at: null`).
 */
import { z } from 'zod';
import { getDb } from '../db/client';
import { getAnalysisState, type ReportSourceRow } from '../queries/get-analysis-state';
import { getCachedReport } from '../queries/get-cached-report';
import type { OffsetOf } from '../queries/to-event-dto';
import { RecentMap } from '../recent-map';
import { analysisFingerprint } from './analysis-fingerprint';
import { keptIncidentAnalysis } from './incident-analysis';

/** Small tables (a few numbers per source): enough for every incident people have open. */
export const RECENT_OFFSET_TABLES = 16;

const fromReports = new RecentMap<string, OffsetOf>(RECENT_OFFSET_TABLES);

/** The part of the report (spec section 7) that says the offsets; the rest is not parsed into shape. */
const reportDomainsSchema = z.object({
  sources: z.array(z.object({ domains: z.array(z.object({ service: z.string(), offsetMs: z.number() })) })),
});

/** The report lists sources in the order of the state it was computed from: ids by position. */
function offsetsOfReport(json: string, sources: readonly ReportSourceRow[]): OffsetOf {
  const report = reportDomainsSchema.parse(JSON.parse(json));
  const bySource = new Map<string, Map<string, number>>();
  report.sources.forEach((source, i) => {
    const id = sources[i]?.id;
    if (id !== undefined) bySource.set(id, new Map(source.domains.map((d) => [d.service, d.offsetMs])));
  });
  return (sourceId, service) => bySource.get(sourceId)?.get(service) ?? null;
}

export async function knownClockOffsets(incidentId: string): Promise<OffsetOf | null> {
  const { prisma } = await getDb();
  const state = await getAnalysisState(prisma, incidentId);
  const fingerprint = analysisFingerprint(state, { alignment: true });
  const kept = keptIncidentAnalysis(incidentId, fingerprint);
  if (kept) return (sourceId, service) => kept.offsetOf(sourceId, service);
  const key = `${incidentId}:${fingerprint}`;
  const known = fromReports.get(key);
  if (known) return known;
  const cached = await getCachedReport(prisma, incidentId, fingerprint);
  if (!cached) return null;
  const offsets = offsetsOfReport(cached.report, state.sources);
  fromReports.set(key, offsets);
  return offsets;
}

/** Drops the tables read from reports (tests use it to play another instance). */
export function forgetKnownClockOffsets(): void {
  fromReports.clear();
}
