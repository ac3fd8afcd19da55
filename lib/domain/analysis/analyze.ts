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

export type AnalysisStage = 'identity' | 'alignment' | 'request order' | 'state' | 'findings';

export interface AnalyzeOptions {
  profile: AnalysisProfile | null;
  overrides?: Readonly<Record<string, number>>;
  alignment?: boolean;
  /** Called as each stage ends (benchmarks time the stages; the domain has no clock). */
  onStageEnd?: (stage: AnalysisStage) => void;
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
  const done = options.onStageEnd ?? (() => {});
  const groups = buildRequestGroups(input.events);
  done('identity');
  const overrides = { ...(profile?.offsets ?? {}), ...(options.overrides ?? {}) };
  const alignment = alignEvents(input, groups, { overrides, enabled: options.alignment !== false });
  done('alignment');
  orderRequestGroups(groups, alignment.alignedTs, input.events);
  done('request order');
  const observations = extractObservations(input, alignment, profile);
  done('state');
  const findings = findFindings({ input, alignment, groups, observations, profile });
  done('findings');
  return {
    groups,
    alignment,
    observations,
    divergences: findings.divergences,
    signals: findings.signals,
    firstDivergence: findings.first,
  };
}
