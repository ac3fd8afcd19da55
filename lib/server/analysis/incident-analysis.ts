/**
 * getIncidentAnalysis: the analysis of an incident's current evidence, in memory, for the
 * investigation views (timeline, request and entity views, event detail), which need the whole
 * analysis and not just the report document.
 *
 *   state (profile + reported sources) -> fingerprint -> recent entry? -> serve it
 *                                                     -> else load, analyze, keep it
 *
 * The RECENT_ANALYSES most recently used analyses stay in this process, keyed by incident and
 * fingerprint (which includes the alignment flag), so a view after a view costs no analysis. A
 * new analysis of an incident with one kept takes the events of its unchanged sources from it
 * instead of the database (load-analysis-input.ts): a profile edit or the alignment switch
 * then costs the analysis alone.
 * Concurrent callers share one computation (share-in-flight.ts). The fingerprint is read again
 * after computing: an analysis whose inputs moved meanwhile (an upload settled) is returned but
 * not kept, so it never answers for inputs it did not see. The report (incident-report.ts)
 * computes through here when its cache misses, so the report and the views read one analysis.
 *
 * Memory: an entry holds the analysis input (every event without its raw text) and the
 * analysis, about the size of the input; with two entries a process holds at most two
 * incidents' worth (ARCHITECTURE.md, "The investigation API"), and analysis-memory.ts keeps
 * the kept and the computing ones within the process's budget: an incident too large for it is
 * refused before anything is loaded, the least recently used entries are dropped to make room,
 * and an analysis that does not fit beside others being computed waits for them.
 */
import { analyzeEvidence } from '@/lib/domain/analysis/analyze';
import { getDb } from '../db/client';
import { type AnalysisState, getAnalysisState } from '../queries/get-analysis-state';
import { RecentMap } from '../recent-map';
import { shareInFlight } from '../share-in-flight';
import { analysisFingerprint, type ReportOptions } from './analysis-fingerprint';
import { AnalyzedIncident } from './analyzed-incident';
import { AnalysisMemory, analysisMemoryBudget, analysisSize } from './analysis-memory';
import { loadAnalysisInput } from './load-analysis-input';
import { parseSavedProfile } from './saved-profile';

export type AnalysisOptions = ReportOptions;

/** Two: an incident analyzed with alignment on and off, or two incidents open side by side. */
export const RECENT_ANALYSES = 2;

const recent = new RecentMap<string, AnalyzedIncident>(RECENT_ANALYSES);

const keyOf = (incidentId: string, fingerprint: string): string => `${incidentId}:${fingerprint}`;

export interface StateAnalysis {
  analyzed: AnalyzedIncident;
  /** False when the inputs moved while it was computed: correct for what it read, but not kept. */
  current: boolean;
}

const memory = new AnalysisMemory(() => analysisMemoryBudget(), {
  bytes() {
    let bytes = 0;
    for (const kept of recent.values()) bytes += kept.heapEstimate;
    return bytes;
  },
  dropOldest: () => recent.dropOldest(),
});

async function compute(state: AnalysisState, fingerprint: string, options: AnalysisOptions): Promise<StateAnalysis> {
  const started = performance.now();
  const db = await getDb();
  const profile = parseSavedProfile(state.profileText);
  const size = analysisSize(state.sources);
  const release = await memory.reserve(size);
  try {
    // The newest kept analysis of this incident, for the sources whose events it already holds:
    // looked up once the reservation made room, so that an entry dropped for it is not held here.
    const previous = recent.newest((key) => key.startsWith(`${state.incidentId}:`))?.loaded;
    const loaded = await loadAnalysisInput(db, state.sources, previous);
    const analysis = analyzeEvidence(loaded.input, { profile, alignment: options.alignment });
    const analyzed = new AnalyzedIncident(state.incidentId, fingerprint, loaded, analysis, profile, performance.now() - started, size.heapBytes);
    const now = await getAnalysisState(db.prisma, state.incidentId);
    const current = analysisFingerprint(now, options) === fingerprint;
    if (current) recent.set(keyOf(state.incidentId, fingerprint), analyzed);
    return { analyzed, current };
  } finally {
    // Kept, the analysis counts as kept from here on. Not kept (its inputs moved meanwhile, rare),
    // it is no longer counted, though its callers hold it until they answer.
    release();
  }
}

/** Bytes reserved by analyses being computed in this process (tests: nothing once they ended). */
export function analysisMemoryInUse(): number {
  return memory.inUse;
}

/** The analysis for a state already read and its fingerprint (the report reads both first). */
export async function analyzeIncidentState(state: AnalysisState, fingerprint: string, options: AnalysisOptions): Promise<StateAnalysis> {
  const key = keyOf(state.incidentId, fingerprint);
  const kept = recent.get(key);
  if (kept) return { analyzed: kept, current: true };
  const { value } = await shareInFlight(`analysis:${key}`, () => compute(state, fingerprint, options));
  return value;
}

export async function getIncidentAnalysis(incidentId: string, options: AnalysisOptions): Promise<AnalyzedIncident> {
  const { prisma } = await getDb();
  const state = await getAnalysisState(prisma, incidentId);
  return (await analyzeIncidentState(state, analysisFingerprint(state, options), options)).analyzed;
}

/** The kept analysis for exactly this fingerprint, never computing one. */
export function keptIncidentAnalysis(incidentId: string, fingerprint: string): AnalyzedIncident | undefined {
  return recent.get(keyOf(incidentId, fingerprint));
}

/** Drops every kept analysis (tests use it to play another instance, which has none). */
export function forgetIncidentAnalyses(): void {
  recent.clear();
}
