/**
 * The sources whose events the evidence queries show (the events listing, its facets, the
 * evidence overview): `ready` ones, and `parsing` ones with the events committed so far, so the
 * first events of a big upload can be read while the rest is written. A failed source shows
 * nothing (its events are deleted). The analysis and its views read `ready` sources only.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { NotFoundError } from '../errors';

export interface VisibleSource {
  name: string;
  /** Source.position: with the incident's number, what names the source in its events' rows. */
  position: number;
  /** Still being parsed: its events so far are shown, but its request keys do not exist yet. */
  ingesting: boolean;
}

export async function visibleSources(prisma: PrismaClient, incidentId: string, sourceIds?: string[]): Promise<Map<string, VisibleSource>> {
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new NotFoundError('incident', incidentId);
  const rows = await prisma.source.findMany({
    where: { incidentId, status: { in: ['ready', 'parsing'] }, ...(sourceIds ? { id: { in: sourceIds } } : {}) },
    select: { id: true, name: true, status: true, position: true },
    orderBy: { position: 'asc' },
  });
  return new Map(rows.map((r) => [r.id, { name: r.name, position: r.position, ingesting: r.status === 'parsing' }]));
}
