/**
 * The fingerprint of a report's inputs: what the cache is keyed by (with the incident id).
 * It changes when a source settles, fails, is re-ingested or removed (id, status, event count,
 * updatedAt of every reported source), when the profile changes (its text: offsets, which are
 * the UI's manual overrides, live there), when alignment is switched, and when
 * ANALYSIS_VERSION is bumped. Equal fingerprints mean the same report on any instance.
 */
import { createHash } from 'node:crypto';
import { ANALYSIS_VERSION } from '@/lib/domain/analysis/version';
import type { AnalysisState } from '../queries/get-analysis-state';

export interface ReportOptions {
  /** false: every clock read as is (`?align=0`, the CLI's `--no-align`). */
  alignment: boolean;
}

export function analysisFingerprint(state: AnalysisState, options: ReportOptions): string {
  const inputs = {
    version: ANALYSIS_VERSION,
    alignment: options.alignment,
    profile: state.profileText,
    sources: state.sources.map((s) => [s.id, s.status, s.eventCount, s.updatedAt.getTime()]),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}
