/**
 * Sources left `uploading` or `parsing` by a process that died mid-ingest: they become `failed`
 * (so they can be uploaded or re-parsed again), with their partial events and diagnostics
 * removed, and a partial upload's bytes deleted. A `parsing` source's blob is complete and stays
 * downloadable and re-parsable; an upload it was redacting while parsing has no blob yet, and
 * its unredacted bytes are deleted (blob-store.ts: they must never be served).
 *
 * A source counts as abandoned only when its heartbeat is stale (ingest-heartbeat.ts): with
 * several instances on one database, another instance's ingest in progress beats and is left
 * alone. Run at start and then every SWEEP_MS (client.ts), so a source whose instance died is
 * failed within about a minute by whichever instance is still running.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { deleteBlob, deletePendingBlobs } from '../blob-store';
import type { Dialect } from '../db/dialect';
import { discardSourceData } from './discard-source-data';
import { STALE_AFTER_MS } from './ingest-heartbeat';
import { IN_FLIGHT_STATUSES, INTERRUPTED_ERROR } from './source-status';

export const SWEEP_MS = 30_000;

export async function recoverInterruptedSources(prisma: PrismaClient, dialect: Dialect, now: Date = new Date()): Promise<number> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const stuck = await prisma.source.findMany({ where: { status: { in: IN_FLIGHT_STATUSES }, updatedAt: { lt: staleBefore } }, select: { id: true, status: true } });
  let failed = 0;
  for (const source of stuck) {
    // Claim it first: of two instances sweeping at once, only one discards and fails it, and a
    // source whose process came back to life (a beat since the query) is left alone.
    const { count } = await prisma.source.updateMany({
      where: { id: source.id, status: source.status, updatedAt: { lt: staleBefore } },
      data: { status: 'failed', error: INTERRUPTED_ERROR, eventCount: 0, unparsedCount: 0 },
    });
    if (count === 0) continue;
    await discardSourceData(prisma, dialect, source.id);
    if (source.status === 'uploading') await deleteBlob(source.id);
    else await deletePendingBlobs(source.id);
    failed++;
  }
  return failed;
}
