/**
 * Deletes what an ingest wrote for a source (request keys, events, diagnostics, events per
 * second, the columns its events filled): before marking it failed or re-parsing it. One
 * transaction with a long timeout: a million events take seconds to delete, well past Prisma's
 * default 5 s (on PostgreSQL that expired mid-delete and hid the error that had failed the
 * ingest).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Dialect } from '../db/dialect';
import { discardEventKeysStatement } from '../db/event-keys';
import { eventOwner } from '../db/event-owner';

export async function discardSourceData(prisma: PrismaClient, dialect: Dialect, sourceId: string): Promise<void> {
  const owner = await eventOwner(prisma, sourceId);
  await prisma.$transaction(
    async (tx) => {
      if (owner !== null) {
        await discardEventKeysStatement(tx, dialect, owner);
        await tx.event.deleteMany({ where: { incidentNumber: owner.incidentNumber, position: owner.position } });
      }
      await tx.diagnostic.deleteMany({ where: { sourceId } });
      await tx.eventSecond.deleteMany({ where: { sourceId } });
      await tx.source.updateMany({ where: { id: sourceId }, data: { filledColumns: null } });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
