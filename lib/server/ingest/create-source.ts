/**
 * Step (a) of ingest: the Source row, `uploading`, at the next position in its incident.
 * Two uploads racing for the same position: the unique (incidentId, position) index lets one
 * win; the other reads the new maximum and tries again.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { insertWithNextNumber } from '../db/next-number';
import { NotFoundError } from '../errors';
import { newId } from '../ids';

export interface CreatedSource {
  id: string;
  position: number;
  /** When the source row was created: the upload's time (ms since the epoch). */
  createdAtMs: number;
}

export async function createSource(prisma: PrismaClient, incidentId: string, name: string): Promise<CreatedSource> {
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new NotFoundError('incident', incidentId);
  return insertWithNextNumber(
    async () => (await prisma.source.aggregate({ where: { incidentId }, _max: { position: true } }))._max.position,
    async (position) => {
      const id = newId(16);
      const { createdAt } = await prisma.source.create({ data: { id, incidentId, name, position, status: 'uploading' }, select: { createdAt: true } });
      return { id, position, createdAtMs: createdAt.getTime() };
    },
    0,
    `too many simultaneous uploads to incident ${incidentId}; try again`,
  );
}
