/**
 * The analysis of an incident (spec sections 3-6), one implementation for the command line, the
 * API and the UI:
 *
 *   request identity -> clock alignment -> request order in aligned time -> entity state
 *   observations -> findings (divergences and signals) -> first divergence
 *
 * Manual offsets: the profile's `offsets` and the caller's overrides (the UI's), the caller's
 * winning for the same key. `alignment: false` switches alignment off (every offset 0): the
 * same evidence read on raw clocks, to show what alignment changed.
 */
import type { AnalysisProfile } from '../../schemas/profile';
import { alignEvents } from '../align/align-events';
import { findFindings } from '../findings/find-findings';
import { buildRequestGroups, orderRequestGroups } from '../identity/request-groups';
import { extractObservations } from '../state/extract-observations';
import type { AnalysisInput } from './input';
import type { Alignment, DivergenceFinding, Observation, RequestGroups, SignalFinding } from './results';

export interface AnalyzeOptions {
  profile: AnalysisProfile | null;
  overrides?: Readonly<Record<string, number>>;
  alignment?: boolean;
}

export interface AnalysisResult {
  groups: RequestGroups;
  alignment: Alignment;
  observations: Observation[];
  divergences: DivergenceFinding[];
  signals: SignalFinding[];
  firstDivergence: DivergenceFinding | null;
}

export function analyzeEvidence(input: AnalysisInput, options: AnalyzeOptions): AnalysisResult {
  const { profile } = options;
  const groups = buildRequestGroups(input.events);
  const overrides = { ...(profile?.offsets ?? {}), ...(options.overrides ?? {}) };
  const alignment = alignEvents(input, groups, { overrides, enabled: options.alignment !== false });
  orderRequestGroups(groups, alignment.alignedTs, input.events);
  const observations = extractObservations(input, alignment, profile);
  const findings = findFindings({ input, alignment, groups, observations, profile });
  return {
    groups,
    alignment,
    observations,
    divergences: findings.divergences,
    signals: findings.signals,
    firstDivergence: findings.first,
  };
}
