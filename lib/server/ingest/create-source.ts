/**
 * Step (a) of ingest: the Source row, `uploading`, at the next position in its incident.
 * Two uploads racing for the same position: the unique (incidentId, position) index lets one
 * win; the other reads the new maximum and tries again.
 */
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { ConflictError, NotFoundError } from '../errors';
import { newId } from '../ids';

const MAX_ATTEMPTS = 8;

export interface CreatedSource {
  id: string;
  position: number;
  /** When the source row was created: the upload's time (ms since the epoch). */
  createdAtMs: number;
}

export async function createSource(prisma: PrismaClient, incidentId: string, name: string): Promise<CreatedSource> {
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new NotFoundError('incident', incidentId);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { _max } = await prisma.source.aggregate({ where: { incidentId }, _max: { position: true } });
    const position = (_max.position ?? -1) + 1;
    try {
      const id = newId(16);
      const { createdAt } = await prisma.source.create({
        data: { id, incidentId, name, position, status: 'uploading' },
        select: { createdAt: true },
      });
      return { id, position, createdAtMs: createdAt.getTime() };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
  throw new ConflictError(`too many simultaneous uploads to incident ${incidentId}; try again`);
}
