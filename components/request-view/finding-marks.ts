/**
 * Which of a view's events triggered findings: the waterfall and the events list mark those
 * events, the view's own first divergence above all.
 */
import type { FindingDto } from '@/lib/schemas/investigation';

export interface EventMarks {
  /** The view's own first divergence was triggered by this event. */
  firstDivergence: boolean;
  divergences: FindingDto[];
  signals: FindingDto[];
}

/** Marks per triggering event id; `firstDivergence` indexes `findings` (null: none). */
export function findingMarks(findings: readonly FindingDto[], signals: readonly FindingDto[], firstDivergence: number | null): Map<number, EventMarks> {
  const marks = new Map<number, EventMarks>();
  const at = (eventId: number): EventMarks => {
    let m = marks.get(eventId);
    if (!m) {
      m = { firstDivergence: false, divergences: [], signals: [] };
      marks.set(eventId, m);
    }
    return m;
  };
  findings.forEach((finding, i) => {
    const m = at(finding.eventId);
    m.divergences.push(finding);
    if (i === firstDivergence) m.firstDivergence = true;
  });
  for (const signal of signals) at(signal.eventId).signals.push(signal);
  return marks;
}
