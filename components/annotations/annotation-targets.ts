/**
 * Which annotations show where (issue 5): on an event (its detail panel, a finding whose trigger
 * it is), on a witness-table row (a state annotation of that entity field dated from this row up
 * to the next row), and in a time window (ranges that overlap it, states inside it, events whose
 * time is known). Pure, so the views agree and tests can say so.
 */
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { rowAtOrBefore } from '@/lib/domain/annotations/witness-values-at';

export function annotationsOnEvent(list: readonly AnnotationDto[], eventId: number): AnnotationDto[] {
  return list.filter((a) => a.target.type === 'event' && a.target.eventId === eventId);
}

/** Annotation count per event id, for badges. */
export function countByEvent(list: readonly AnnotationDto[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const a of list) if (a.target.type === 'event') counts.set(a.target.eventId, (counts.get(a.target.eventId) ?? 0) + 1);
  return counts;
}

export function stateAnnotationsOf(list: readonly AnnotationDto[], entity: string, field?: string): AnnotationDto[] {
  return list.filter((a) => a.target.type === 'state' && a.target.entity === entity && (field === undefined || a.target.field === field));
}

/**
 * Row index per state annotation of this field: the row holding the state at its moment (the
 * last row at or before it; before the first row, the first row). Rows are in aligned order.
 */
export function annotationsByRow(list: readonly AnnotationDto[], entity: string, field: string, rows: ReadonlyArray<{ at: number }>): Map<number, AnnotationDto[]> {
  const byRow = new Map<number, AnnotationDto[]>();
  if (rows.length === 0) return byRow;
  for (const a of stateAnnotationsOf(list, entity, field)) {
    if (a.target.type !== 'state') continue;
    const row = Math.max(0, rowAtOrBefore(rows, a.target.at));
    byRow.set(row, [...(byRow.get(row) ?? []), a]);
  }
  return byRow;
}

/** The moment an annotation is about, where known: a state's `at`, a range's start, an event's time from `eventTime`. */
export function annotationTime(a: AnnotationDto, eventTime: (eventId: number) => number | undefined): number | undefined {
  if (a.target.type === 'state') return a.target.at;
  if (a.target.type === 'range') return a.target.from;
  return eventTime(a.target.eventId);
}

/** Annotations about something inside [from, to], in time order; event annotations whose time is unknown are left out. */
export function annotationsInWindow(
  list: readonly AnnotationDto[],
  window: { from: number; to: number },
  eventTime: (eventId: number) => number | undefined,
): AnnotationDto[] {
  const inside = list.filter((a) => {
    if (a.target.type === 'range') return a.target.from <= window.to && a.target.to >= window.from;
    const t = annotationTime(a, eventTime);
    return t !== undefined && t >= window.from && t <= window.to;
  });
  return inside.sort((a, b) => annotationTime(a, eventTime)! - annotationTime(b, eventTime)!);
}
