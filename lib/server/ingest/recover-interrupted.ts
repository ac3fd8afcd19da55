/**
 * On start: sources still `uploading` or `parsing` belong to a process that died mid-ingest
 * (nothing else can be ingesting yet). They become `failed`, with their partial events and
 * diagnostics removed, and a partial upload's bytes deleted (a `parsing` source's bytes are
 * complete and stay downloadable).
 *
 * Assumes one server process per database: a second process starting against the same
 * database would fail the first one's in-flight uploads.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { deleteBlob } from '../blob-store';
import type { Dialect } from '../db/dialect';
import { discardSourceData } from './discard-source-data';
import { IN_FLIGHT_STATUSES, INTERRUPTED_ERROR } from './source-status';

export async function recoverInterruptedSources(prisma: PrismaClient, dialect: Dialect): Promise<number> {
  const stuck = await prisma.source.findMany({ where: { status: { in: IN_FLIGHT_STATUSES } }, select: { id: true, status: true } });
  for (const source of stuck) {
    await discardSourceData(prisma, dialect, source.id);
    if (source.status === 'uploading') await deleteBlob(source.id);
    await prisma.source.update({ where: { id: source.id }, data: { status: 'failed', error: INTERRUPTED_ERROR, eventCount: 0, unparsedCount: 0 } });
  }
  return stuck.length;
}
