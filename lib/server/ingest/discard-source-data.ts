/** Deletes what an ingest wrote for a source (events, diagnostics): before marking it failed. */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export async function discardSourceData(prisma: PrismaClient, sourceId: string): Promise<void> {
  await prisma.$transaction([prisma.event.deleteMany({ where: { sourceId } }), prisma.diagnostic.deleteMany({ where: { sourceId } })]);
}
