import type { FindingKind } from '../api/report-schemas';
import { FINDING_KIND_LABELS } from './finding-format';

/** A finding's kind as a badge: its name in words (colour only adds to it, never replaces it). */
export function FindingKindBadge({ kind }: { kind: FindingKind }) {
  return <span className={`badge kind-badge kind-badge--${kind}`}>{FINDING_KIND_LABELS[kind]}</span>;
}
