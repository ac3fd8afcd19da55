/**
 * Re-parse a source from its stored original bytes (after a parser upgrade): the same pipeline
 * as an upload from step (c) on (parse-stored-source.ts, settle-source.ts).
 *
 * The source leaves `ready`/`failed` for `parsing` in one conditional update, so it disappears
 * from queries at once and a second re-parse (or one racing an upload still in flight) is a 409;
 * its old events, request keys and diagnostics are deleted; then it is parsed again and ends
 * `ready` or `failed` exactly like an upload. Year-less timestamps keep the upload's time as
 * their reference, so a re-parse dates them as the first parse did.
 */
import type { Db } from '../db/client';
import { getDb } from '../db/client';
import { ConflictError, NotFoundError, UnprocessableEvidenceError } from '../errors';
import { blobSize, settleParsedText } from '../blob-store';
import { discardSourceData } from './discard-source-data';
import { parseStoredSource } from './parse-stored-source';
import { settleSource, type UploadResult } from './settle-source';

async function claim(db: Db, sourceId: string): Promise<{ incidentId: string; position: number; name: string; uploadedAtMs: number }> {
  const { prisma } = db;
  const source = await prisma.source.findUnique({ where: { id: sourceId }, select: { incidentId: true, position: true, name: true, createdAt: true } });
  if (!source) throw new NotFoundError('source', sourceId);
  const { count } = await prisma.source.updateMany({
    where: { id: sourceId, status: { in: ['ready', 'failed'] } },
    data: { status: 'parsing', error: null, format: null, parsedBytes: 0, eventCount: 0, unparsedCount: 0, firstTs: null, lastTs: null, services: '[]' },
  });
  if (count === 0) throw new ConflictError(`${source.name} is still being ingested; re-parse it once it is ready or failed`);
  return { incidentId: source.incidentId, position: source.position, name: source.name, uploadedAtMs: source.createdAt.getTime() };
}

export async function reparseSource(sourceId: string, signal?: AbortSignal): Promise<UploadResult> {
  const db = await getDb();
  const source = await claim(db, sourceId);
  return settleSource(db, sourceId, source.name, async () => {
    await discardSourceData(db.prisma, db.dialect, sourceId);
    const size = await blobSize(sourceId);
    if (size === null) throw new UnprocessableEvidenceError(`${source.name}: its original bytes are not stored (the upload never completed); upload it again`);
    if (size === 0) throw new UnprocessableEvidenceError(`${source.name} is empty (0 bytes): nothing to ingest`);
    const parsed = await parseStoredSource(db, { sourceId, ...source }, signal);
    await settleParsedText(sourceId, { pending: false, redacted: false, text: parsed.text });
    return parsed.totals;
  });
}
