/**
 * The end of every parse of a source (upload, re-parse): run the work, then either mark the
 * source `ready` with its totals in one update, or delete what it wrote (request keys, events,
 * diagnostics, then the text they pointed into) and mark it `failed` with a message that names
 * the file. Evidence problems and interruptions (AppError) come back as a failed result;
 * anything else (a database error) is recorded on the source too, then rethrown to be logged as
 * a server error.
 */
import type { SourceTotals } from '@/lib/domain/ingest/source-summary';
import type { SourceDto } from '@/lib/schemas/source';
import type { Db } from '../db/client';
import { deleteParsedText } from '../blob-store';
import { AppError } from '../errors';
import { getSource } from '../queries/get-source';
import { discardSourceData } from './discard-source-data';
import { startHeartbeat } from './ingest-heartbeat';

export type UploadResult = { ok: true; source: SourceDto } | { ok: false; source: SourceDto; error: AppError };

export async function settleSource(db: Db, sourceId: string, name: string, work: () => Promise<SourceTotals>): Promise<UploadResult> {
  const { prisma } = db;
  // Other instances see this ingest alive while it beats (ingest-heartbeat.ts).
  const stopHeartbeat = startHeartbeat(prisma, sourceId);
  try {
    const totals = await work();
    stopHeartbeat();
    await prisma.source.update({
      where: { id: sourceId },
      data: {
        status: 'ready',
        error: null,
        eventCount: totals.events,
        unparsedCount: totals.unparsed,
        firstTs: totals.firstTs,
        lastTs: totals.lastTs,
        services: JSON.stringify(totals.services),
      },
    });
    return { ok: true, source: await getSource(sourceId) };
  } catch (error) {
    stopHeartbeat();
    await discardSourceData(prisma, db.dialect, sourceId);
    // Only now: until its events were gone, they could be read from this text (source-text.ts).
    await deleteParsedText(sourceId);
    const message = error instanceof AppError ? error.message : `${name}: internal error while ingesting (${errorText(error)})`;
    await prisma.source.update({ where: { id: sourceId }, data: { status: 'failed', error: message, eventCount: 0, unparsedCount: 0 } });
    if (!(error instanceof AppError)) throw error;
    return { ok: false, source: await getSource(sourceId), error };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
