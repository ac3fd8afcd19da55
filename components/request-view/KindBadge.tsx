import type { FindingDto } from '@/lib/schemas/investigation';
import { FINDING_KIND_LABELS, SIGNAL_KIND_LABELS } from '../analysis/finding-format';
import './view-parts.css';

const LABELS: Record<FindingDto['kind'], string> = { ...FINDING_KIND_LABELS, ...SIGNAL_KIND_LABELS };

/** The glyphs the waterfall marks events with: the badge doubles as their legend. */
export const DIVERGENCE_GLYPH = '◆';
export const SIGNAL_GLYPH = '▲';

/** A finding's or signal's kind in words, with the shape that marks it in the charts (never colour alone). */
export function KindBadge({ kind, divergence }: { kind: FindingDto['kind']; divergence: boolean }) {
  return (
    <span className={`badge view-kind view-kind--${kind}`}>
      <span aria-hidden="true">{divergence ? DIVERGENCE_GLYPH : SIGNAL_GLYPH}</span>
      {LABELS[kind]}
    </span>
  );
}
