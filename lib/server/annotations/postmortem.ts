/**
 * The postmortem's own text (title, summary, impact) and the story: findings marked as part of
 * it, by kind and triggering event (stable across re-analyses, unlike a finding's index).
 * Without a saved row the postmortem reads as empty defaults.
 */
import type { PostmortemDto } from '@/lib/schemas/annotation';
import { getDb } from '../db/client';
import { requireIncident, requireIncidentEvent } from './incident-guard';

export async function getPostmortem(incidentId: string): Promise<PostmortemDto> {
  const { prisma } = await getDb();
  await requireIncident(prisma, incidentId);
  const [row, story] = await Promise.all([
    prisma.postmortem.findUnique({ where: { incidentId } }),
    prisma.storyFinding.findMany({ where: { incidentId }, select: { kind: true, eventId: true }, orderBy: [{ createdAt: 'asc' }, { eventId: 'asc' }] }),
  ]);
  return {
    title: row?.title ?? '',
    summary: row?.summary ?? '',
    impact: row?.impact ?? '',
    updatedBy: row?.updatedBy ?? '',
    updatedAt: row?.updatedAt.toISOString() ?? null,
    story,
  };
}

export async function savePostmortem(incidentId: string, text: { title: string; summary: string; impact: string }, actor: string): Promise<PostmortemDto> {
  const { prisma } = await getDb();
  await requireIncident(prisma, incidentId);
  const data = { title: text.title, summary: text.summary, impact: text.impact, updatedBy: actor };
  await prisma.postmortem.upsert({ where: { incidentId }, create: { incidentId, ...data }, update: data });
  return getPostmortem(incidentId);
}

/** Marks (or unmarks) a finding as part of the story; both are idempotent. */
export async function setStoryFinding(incidentId: string, key: { kind: string; eventId: number }, inStory: boolean, actor: string): Promise<PostmortemDto> {
  const { prisma } = await getDb();
  await requireIncident(prisma, incidentId);
  await requireIncidentEvent(prisma, incidentId, key.eventId);
  const id = { incidentId_kind_eventId: { incidentId, kind: key.kind, eventId: key.eventId } };
  if (inStory) await prisma.storyFinding.upsert({ where: id, create: { incidentId, ...key, addedBy: actor }, update: {} });
  else await prisma.storyFinding.deleteMany({ where: { incidentId, kind: key.kind, eventId: key.eventId } });
  return getPostmortem(incidentId);
}
