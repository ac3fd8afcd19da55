/** listSources: an incident's sources in the order they were given, any status. */
import type { SourceDto } from '@/lib/schemas/source';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { SOURCE_SELECT, toSourceDto } from './to-source-dto';

export async function listSources(incidentId: string): Promise<SourceDto[]> {
  const { prisma } = await getDb();
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new NotFoundError('incident', incidentId);
  const rows = await prisma.source.findMany({ where: { incidentId }, select: SOURCE_SELECT, orderBy: { position: 'asc' } });
  return rows.map((row) => toSourceDto(row));
}
