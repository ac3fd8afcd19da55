/**
 * All findings of an incident (spec section 6): the four divergence kinds and the other
 * signals, each list sorted by `at` (divergences with the first-divergence tie-break, signals by
 * time then event). Pure: observations come from lib/domain/state (extractObservations).
 */
import type { DivergenceFinding, SignalFinding } from '../analysis/results';
import { findConflicts } from './conflict';
import { FindingContext, type FindingInputs } from './context';
import { findDuplicateEffects } from './duplicate-effect';
import { compareFindings, firstDivergence } from './first-divergence';
import { findHttpErrors } from './http-errors';
import { findInvariantViolations } from './invariant';
import { findNoResponses } from './no-response';
import { findReordered } from './reordered';
import { findRetries } from './retry';
import { findStaleWrites } from './stale-write';

export interface Findings {
  divergences: DivergenceFinding[];
  signals: SignalFinding[];
  first: DivergenceFinding | null;
}

export function findFindings(inputs: FindingInputs): Findings {
  const ctx = inputs instanceof FindingContext ? inputs : new FindingContext(inputs);
  const divergences = [...findConflicts(ctx), ...findStaleWrites(ctx), ...findInvariantViolations(ctx), ...findDuplicateEffects(ctx)];
  divergences.sort(compareFindings(ctx.input));
  const signals = [...findHttpErrors(ctx), ...findNoResponses(ctx), ...findRetries(ctx), ...findReordered(ctx)];
  signals.sort((a, b) => a.at - b.at || a.event - b.event);
  return { divergences, signals, first: firstDivergence(divergences, ctx.input) };
}
