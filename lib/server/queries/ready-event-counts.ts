/** Events per incident, counting only ready sources (complete ones: the incident list counts what is in). */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export async function readyEventCounts(prisma: PrismaClient, incidentIds: string[]): Promise<Map<string, number>> {
  if (incidentIds.length === 0) return new Map();
  const groups = await prisma.source.groupBy({
    by: ['incidentId'],
    where: { incidentId: { in: incidentIds }, status: 'ready' },
    _sum: { eventCount: true },
  });
  return new Map(groups.map((g) => [g.incidentId, g._sum.eventCount ?? 0]));
}
