/**
 * saveCachedReport: stores a computed report under its fingerprint (two instances computing the
 * same one both succeed: upsert), then prunes the incident's older reports. A few are kept so
 * that switching alignment off and on, or undoing a profile edit, is still a cache hit.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const CACHED_REPORTS_PER_INCIDENT = 4;

export async function saveCachedReport(prisma: PrismaClient, incidentId: string, fingerprint: string, report: string, computeMs: number): Promise<void> {
  await prisma.analysisCache.upsert({
    where: { incidentId_fingerprint: { incidentId, fingerprint } },
    create: { incidentId, fingerprint, report, computeMs },
    update: { report, computeMs, createdAt: new Date() },
  });
  const stale = await prisma.analysisCache.findMany({
    where: { incidentId },
    select: { fingerprint: true },
    orderBy: { createdAt: 'desc' },
    skip: CACHED_REPORTS_PER_INCIDENT,
  });
  if (stale.length > 0) await prisma.analysisCache.deleteMany({ where: { incidentId, fingerprint: { in: stale.map((s) => s.fingerprint) } } });
}
