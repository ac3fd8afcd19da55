/**
 * The first divergence (spec section 6): the divergence finding (conflict, stale_write,
 * invariant, duplicate_effect) with the earliest `at`; ties go to the event that comes first in
 * its source (its record position), then to the source given first. Each entity and each request
 * has its own first divergence among the findings that concern it.
 *
 * Choices where the spec is silent:
 * - Two findings on the same event at the same time: kinds in the spec's order (conflict,
 *   stale_write, invariant, duplicate_effect), then entity, then field.
 * - A finding concerns the entity it names and the request it names (`request`, the request
 *   group of its event for conflicts, invariants and duplicates, request R for stale writes).
 */
import type { AnalysisInput } from '../analysis/input';
import type { DivergenceFinding, DivergenceKind } from '../analysis/results';

const KIND_ORDER: Record<DivergenceKind, number> = { conflict: 0, stale_write: 1, invariant: 2, duplicate_effect: 3 };

function text(s: string | null): string {
  return s ?? '';
}

/** Orders findings: `at`, then record position in its source, then source order, then kind. */
export function compareFindings(input: AnalysisInput): (a: DivergenceFinding, b: DivergenceFinding) => number {
  return (a, b) => {
    if (a.at !== b.at) return a.at - b.at;
    const { seq: seqOf, source: sourceOf } = input.events;
    const seq = (seqOf[a.event] ?? 0) - (seqOf[b.event] ?? 0);
    if (seq !== 0) return seq;
    const source = (sourceOf[a.event] ?? 0) - (sourceOf[b.event] ?? 0);
    if (source !== 0) return source;
    const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    if (kind !== 0) return kind;
    if (text(a.entity) !== text(b.entity)) return text(a.entity) < text(b.entity) ? -1 : 1;
    if (text(a.field) !== text(b.field)) return text(a.field) < text(b.field) ? -1 : 1;
    return 0;
  };
}

export function firstDivergence(findings: readonly DivergenceFinding[], input: AnalysisInput): DivergenceFinding | null {
  const compare = compareFindings(input);
  let best: DivergenceFinding | null = null;
  for (const f of findings) if (best === null || compare(f, best) < 0) best = f;
  return best;
}

/** The first divergence of each entity named by a finding. */
export function firstDivergenceByEntity(findings: readonly DivergenceFinding[], input: AnalysisInput): Map<string, DivergenceFinding> {
  const compare = compareFindings(input);
  const out = new Map<string, DivergenceFinding>();
  for (const f of findings) {
    if (f.entity === null) continue;
    const held = out.get(f.entity);
    if (held === undefined || compare(f, held) < 0) out.set(f.entity, f);
  }
  return out;
}

/** The first divergence of each request group a finding concerns. */
export function firstDivergenceByRequest(findings: readonly DivergenceFinding[], input: AnalysisInput): Map<number, DivergenceFinding> {
  const compare = compareFindings(input);
  const out = new Map<number, DivergenceFinding>();
  for (const f of findings) {
    if (f.request < 0) continue;
    const held = out.get(f.request);
    if (held === undefined || compare(f, held) < 0) out.set(f.request, f);
  }
  return out;
}
