/**
 * Deletes what an ingest wrote for a source (request keys, events, diagnostics, events per
 * second): before marking it failed or re-parsing it. One transaction with a long timeout: a
 * million events take seconds to delete, well past Prisma's default 5 s (on PostgreSQL that expired mid-delete and hid the
 * error that had failed the ingest).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Dialect } from '../db/dialect';
import { discardEventKeysStatement } from '../db/event-keys';

export async function discardSourceData(prisma: PrismaClient, dialect: Dialect, sourceId: string): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await discardEventKeysStatement(tx, dialect, sourceId);
      await tx.event.deleteMany({ where: { sourceId } });
      await tx.diagnostic.deleteMany({ where: { sourceId } });
      await tx.eventSecond.deleteMany({ where: { sourceId } });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
