/**
 * Annotation rows <-> the API's shapes. A target is stored flat (targetType plus the columns its
 * type uses) so the table stays queryable; here it becomes the contract's discriminated union.
 */
import type { AnnotationDto, AnnotationKind, AnnotationRevisionDto, AnnotationTarget } from '@/lib/schemas/annotation';
import { annotationKindSchema, annotationTargetSchema } from '@/lib/schemas/annotation';

export const ANNOTATION_SELECT = {
  id: true,
  incidentId: true,
  kind: true,
  targetType: true,
  eventId: true,
  entity: true,
  field: true,
  at: true,
  endAt: true,
  body: true,
  author: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  // Edits, deletes and restores: what "edited 2x" counts (the creation is not a change).
  _count: { select: { revisions: { where: { action: { not: 'created' } } } } },
} as const;

export interface AnnotationRow {
  id: string;
  incidentId: string;
  kind: string;
  targetType: string;
  eventId: number | null;
  entity: string | null;
  field: string | null;
  at: number | null;
  endAt: number | null;
  body: string;
  author: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  _count: { revisions: number };
}

export interface TargetColumns {
  targetType: AnnotationTarget['type'];
  eventId: number | null;
  entity: string | null;
  field: string | null;
  at: number | null;
  endAt: number | null;
}

export function targetColumns(target: AnnotationTarget): TargetColumns {
  const none = { eventId: null, entity: null, field: null, at: null, endAt: null };
  if (target.type === 'event') return { ...none, targetType: 'event', eventId: target.eventId };
  if (target.type === 'state') return { ...none, targetType: 'state', entity: target.entity, field: target.field, at: target.at };
  return { ...none, targetType: 'range', at: target.from, endAt: target.to };
}

/** A stored annotation's target (the inverse of targetColumns). */
export function targetOf(row: Pick<AnnotationRow, 'targetType' | 'eventId' | 'entity' | 'field' | 'at' | 'endAt'>): AnnotationTarget {
  // Rows are only written through targetColumns; parsing guards against a hand-edited database.
  if (row.targetType === 'event') return annotationTargetSchema.parse({ type: 'event', eventId: row.eventId });
  if (row.targetType === 'state') return annotationTargetSchema.parse({ type: 'state', entity: row.entity, field: row.field, at: row.at });
  return annotationTargetSchema.parse({ type: 'range', from: row.at, to: row.endAt });
}

export function kindOf(text: string): AnnotationKind {
  const parsed = annotationKindSchema.safeParse(text);
  return parsed.success ? parsed.data : 'note';
}

export function toAnnotationDto(row: AnnotationRow): AnnotationDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    kind: kindOf(row.kind),
    target: targetOf(row),
    body: row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    changes: row._count.revisions,
  };
}

export function toRevisionDto(row: { action: string; kind: string; body: string; editor: string; createdAt: Date }): AnnotationRevisionDto {
  const action = (['created', 'edited', 'deleted', 'restored'] as const).find((a) => a === row.action) ?? 'edited';
  return { action, kind: kindOf(row.kind), body: row.body, editor: row.editor, createdAt: row.createdAt.toISOString() };
}
