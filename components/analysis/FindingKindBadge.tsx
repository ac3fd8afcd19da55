import type { FindingKind, SignalKind } from '../api/report-schemas';
import { FINDING_KIND_LABELS, SIGNAL_KIND_LABELS } from './finding-format';

/** The glyphs the charts mark findings with: the badge doubles as their legend. */
export const DIVERGENCE_GLYPH = '◆';
export const SIGNAL_GLYPH = '▲';

function isDivergence(kind: FindingKind | SignalKind): kind is FindingKind {
  return Object.hasOwn(FINDING_KIND_LABELS, kind);
}

/**
 * A finding's (or signal's) kind as a badge: its name in words and the shape that marks it in the
 * charts; colour and border style only add to them, never replace them.
 */
export function FindingKindBadge({ kind }: { kind: FindingKind | SignalKind }) {
  const divergence = isDivergence(kind);
  return (
    <span className={`badge kind-badge kind-badge--${kind}`}>
      <span aria-hidden="true">{divergence ? DIVERGENCE_GLYPH : SIGNAL_GLYPH}</span>
      {divergence ? FINDING_KIND_LABELS[kind] : SIGNAL_KIND_LABELS[kind]}
    </span>
  );
}
