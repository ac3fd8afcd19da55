/** Deletes what an ingest wrote for a source (request keys, events, diagnostics): before marking it failed or re-parsing it. */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Dialect } from '../db/dialect';
import { discardEventKeysStatement } from '../db/event-keys';

export async function discardSourceData(prisma: PrismaClient, dialect: Dialect, sourceId: string): Promise<void> {
  await prisma.$transaction([
    discardEventKeysStatement(prisma, dialect, sourceId),
    prisma.event.deleteMany({ where: { sourceId } }),
    prisma.diagnostic.deleteMany({ where: { sourceId } }),
  ]);
}
