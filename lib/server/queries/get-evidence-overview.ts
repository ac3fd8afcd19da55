/**
 * The evidence overview (lib/schemas/evidence-overview.ts): the visible sources' events per
 * second (EventSecond, written with each transaction of events) binned into columns. A few
 * thousand rows for a million events, so it answers in milliseconds while an ingest goes on.
 */
import { binSeconds } from '@/lib/domain/timeline/second-bins';
import type { EvidenceOverviewDto } from '@/lib/schemas/evidence-overview';
import { getDb } from '../db/client';
import { readEventSeconds } from '../db/event-seconds';
import { visibleSources } from './visible-sources';

export async function getEvidenceOverview(incidentId: string, columns: number): Promise<EvidenceOverviewDto> {
  const db = await getDb();
  const sources = await visibleSources(db.prisma, incidentId);
  const bins = binSeconds(await readEventSeconds(db, [...sources.keys()]), columns);
  return {
    from: bins.from,
    to: bins.to,
    counts: bins.counts,
    errors: bins.errors,
    timedEvents: bins.total,
    ingesting: [...sources.values()].filter((s) => s.ingesting).length,
  };
}
