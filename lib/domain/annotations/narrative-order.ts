/**
 * The postmortem's narrative in aligned time: items by `at`, those without a time (an event no
 * longer in the analysis) last; at the same instant a finding comes before the annotations about
 * it (the evidence, then what people said), and annotations in the order they were written.
 */
export interface Orderable {
  at: number | null;
  /** Findings rank before annotations at one instant. */
  finding: unknown;
  annotation: { createdAt: string } | null;
}

export function compareNarrative(a: Orderable, b: Orderable): number {
  if (a.at === null || b.at === null) return a.at === b.at ? 0 : a.at === null ? 1 : -1;
  if (a.at !== b.at) return a.at - b.at;
  const fa = a.finding ? 0 : 1;
  const fb = b.finding ? 0 : 1;
  if (fa !== fb) return fa - fb;
  const ca = a.annotation?.createdAt ?? '';
  const cb = b.annotation?.createdAt ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** A sorted copy (Array.prototype.sort is stable, so equal items keep their given order). */
export function orderNarrative<T extends Orderable>(items: readonly T[]): T[] {
  return [...items].sort(compareNarrative);
}
