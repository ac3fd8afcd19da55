/** getCachedReport: the stored report of an incident for one fingerprint of its inputs, or null. */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface CachedReport {
  report: string;
  computeMs: number;
}

export async function getCachedReport(prisma: PrismaClient, incidentId: string, fingerprint: string): Promise<CachedReport | null> {
  return prisma.analysisCache.findUnique({
    where: { incidentId_fingerprint: { incidentId, fingerprint } },
    select: { report: true, computeMs: true },
  });
}
