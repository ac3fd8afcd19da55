/**
 * Annotations (issue 5): every change writes an AnnotationRevision (created, edited, deleted,
 * restored: kind, body, editor, time) in the same transaction as the change itself, so nothing a
 * teammate wrote silently disappears. Deleting is soft (deletedAt); the listing leaves deleted
 * ones out unless asked. The caller resolves who is acting (lib/server/access/actor.ts).
 */
import type { AnnotationDto, AnnotationKind, AnnotationRevisionDto, AnnotationTarget } from '@/lib/schemas/annotation';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { newId } from '../ids';
import { requireIncident, requireIncidentEvent } from './incident-guard';
import { ANNOTATION_SELECT, targetColumns, toAnnotationDto, toRevisionDto } from './to-annotation-dto';

export async function listAnnotations(incidentId: string, options: { deleted: boolean }): Promise<AnnotationDto[]> {
  const { prisma } = await getDb();
  await requireIncident(prisma, incidentId);
  const rows = await prisma.annotation.findMany({
    where: { incidentId, ...(options.deleted ? {} : { deletedAt: null }) },
    select: ANNOTATION_SELECT,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toAnnotationDto);
}

export interface NewAnnotation {
  kind: AnnotationKind;
  target: AnnotationTarget;
  body: string;
}

export async function createAnnotation(incidentId: string, input: NewAnnotation, actor: string): Promise<AnnotationDto> {
  const { prisma } = await getDb();
  await requireIncident(prisma, incidentId);
  if (input.target.type === 'event') await requireIncidentEvent(prisma, incidentId, input.target.eventId);
  const id = newId();
  const row = await prisma.$transaction(async (tx) => {
    await tx.annotation.create({ data: { id, incidentId, kind: input.kind, body: input.body, author: actor, ...targetColumns(input.target) } });
    await tx.annotationRevision.create({ data: { annotationId: id, action: 'created', kind: input.kind, body: input.body, editor: actor } });
    return tx.annotation.findUniqueOrThrow({ where: { id }, select: ANNOTATION_SELECT });
  });
  return toAnnotationDto(row);
}

type Change = { action: 'edited'; kind?: AnnotationKind; body?: string } | { action: 'deleted' | 'restored' };

/**
 * One change and its revision, atomically. A change that changes nothing (the same text, deleting
 * what is deleted) writes no revision and answers the annotation as it is.
 */
async function change(incidentId: string, annotationId: string, actor: string, what: Change): Promise<AnnotationDto> {
  const { prisma } = await getDb();
  const row = await prisma.$transaction(async (tx) => {
    const current = await tx.annotation.findUnique({ where: { id: annotationId }, select: { incidentId: true, kind: true, body: true, deletedAt: true } });
    if (!current || current.incidentId !== incidentId) throw new NotFoundError('annotation', annotationId);
    let data: { kind?: string; body?: string; deletedAt?: Date | null } | null = null;
    if (what.action === 'edited') {
      const kind = what.kind ?? current.kind;
      const body = what.body ?? current.body;
      if (kind !== current.kind || body !== current.body) data = { kind, body };
    } else if (what.action === 'deleted' && current.deletedAt === null) data = { deletedAt: new Date() };
    else if (what.action === 'restored' && current.deletedAt !== null) data = { deletedAt: null };
    if (data) {
      const updated = await tx.annotation.update({ where: { id: annotationId }, data, select: { kind: true, body: true } });
      await tx.annotationRevision.create({ data: { annotationId, action: what.action, kind: updated.kind, body: updated.body, editor: actor } });
    }
    return tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: ANNOTATION_SELECT });
  });
  return toAnnotationDto(row);
}

export function updateAnnotation(incidentId: string, annotationId: string, edit: { kind?: AnnotationKind; body?: string }, actor: string): Promise<AnnotationDto> {
  return change(incidentId, annotationId, actor, { action: 'edited', ...edit });
}

export function deleteAnnotation(incidentId: string, annotationId: string, actor: string): Promise<AnnotationDto> {
  return change(incidentId, annotationId, actor, { action: 'deleted' });
}

export function restoreAnnotation(incidentId: string, annotationId: string, actor: string): Promise<AnnotationDto> {
  return change(incidentId, annotationId, actor, { action: 'restored' });
}

/** Oldest first: the creation, then every change as it happened. */
export async function listAnnotationRevisions(incidentId: string, annotationId: string): Promise<AnnotationRevisionDto[]> {
  const { prisma } = await getDb();
  const found = await prisma.annotation.findUnique({ where: { id: annotationId }, select: { incidentId: true } });
  if (!found || found.incidentId !== incidentId) throw new NotFoundError('annotation', annotationId);
  const rows = await prisma.annotationRevision.findMany({ where: { annotationId }, orderBy: { id: 'asc' } });
  return rows.map(toRevisionDto);
}
