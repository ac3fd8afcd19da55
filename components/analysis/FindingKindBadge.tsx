import type { FindingKind, SignalKind } from '../api/report-schemas';
import { FINDING_KIND_LABELS, SIGNAL_KIND_LABELS } from './finding-format';

function label(kind: FindingKind | SignalKind): string {
  return kind in FINDING_KIND_LABELS ? FINDING_KIND_LABELS[kind as FindingKind] : SIGNAL_KIND_LABELS[kind as SignalKind];
}

/**
 * A finding's (or signal's) kind as a badge: its name in words (colour only adds to it, never
 * replaces it). Signals get the quiet style: they are context, not divergences.
 */
export function FindingKindBadge({ kind }: { kind: FindingKind | SignalKind }) {
  const signal = !(kind in FINDING_KIND_LABELS);
  return <span className={`badge kind-badge kind-badge--${kind}${signal ? ' kind-badge--signal' : ''}`}>{label(kind)}</span>;
}
