/**
 * The sources whose events queries may show: `ready` ones only, so a source being ingested (or
 * one that failed) never shows a partial set of events. Returns id -> name.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { NotFoundError } from '../errors';

export async function readySources(prisma: PrismaClient, incidentId: string, sourceIds?: string[]): Promise<Map<string, string>> {
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new NotFoundError('incident', incidentId);
  const rows = await prisma.source.findMany({
    where: { incidentId, status: 'ready', ...(sourceIds ? { id: { in: sourceIds } } : {}) },
    select: { id: true, name: true },
    orderBy: { position: 'asc' },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}
