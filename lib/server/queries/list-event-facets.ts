/**
 * listEventFacets: the values the events filters offer, over the visible sources (ready, and
 * parsing ones so far: visible-sources.ts): services in the
 * order sources were given (then first seen), levels alphabetically.
 *
 * Services come from the per-source list filled at ingest (no event scan). Levels need a
 * GROUP BY over the incident's events: fine at today's sizes; a per-source level list filled
 * at ingest is the fix if it shows up in profiles at millions of events.
 */
import type { EventFacetsDto } from '@/lib/schemas/event';
import { getDb } from '../db/client';
import { requireIncidentNumber } from '../db/incident-number';
import { visibleSources } from './visible-sources';

export async function listEventFacets(incidentId: string): Promise<EventFacetsDto> {
  const { prisma } = await getDb();
  const visible = await visibleSources(prisma, incidentId);
  if (visible.size === 0) return { services: [], levels: [] };
  const ids = [...visible.keys()];
  const sources = await prisma.source.findMany({ where: { id: { in: ids } }, select: { services: true }, orderBy: { position: 'asc' } });
  const services = new Set<string>();
  for (const source of sources) {
    const list: unknown = JSON.parse(source.services);
    if (Array.isArray(list)) for (const s of list) if (typeof s === 'string') services.add(s);
  }
  const number = await requireIncidentNumber(prisma, incidentId);
  const levels = await prisma.event.groupBy({ by: ['level'], where: { incidentNumber: number, position: { in: [...visible.values()].map((s) => s.position) }, level: { not: null } } });
  return {
    services: [...services],
    levels: levels.map((l) => l.level).filter((l): l is string => l !== null).sort(),
  };
}
