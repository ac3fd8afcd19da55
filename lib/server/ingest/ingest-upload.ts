/**
 * The one ingest pipeline (API upload, UI upload through the API, later the CLI's `--store`):
 *
 *   (a) Source row, `uploading`, next position      -> create-source.ts
 *   (b) bytes streamed to the blob store, hashed     -> blob-store.ts
 *   (b') secrets redacted in the stored bytes        -> redact-blob.ts (unless `redact: false`)
 *   (c) `parsing`: blob -> events + diagnostics      -> parse-stored-source.ts
 *   (d) `ready`, with exact totals, in one update    -> settle-source.ts
 *
 * Invariants: a source's events become visible together (only `ready` sources are queried);
 * on any failure or abort its events and diagnostics are deleted and it is `failed` with a
 * message that names the file. Evidence problems (empty, binary, unknown format) and
 * interrupted uploads are returned as a failed source; anything else (a database error) is
 * also recorded on the source and then rethrown, to be logged as a server error.
 */
import { type ByteSource, deleteBlob, writeBlob } from '../blob-store';
import { type Db, getDb } from '../db/client';
import { UnprocessableEvidenceError, UploadInterruptedError } from '../errors';
import { createSource } from './create-source';
import { parseStoredSource } from './parse-stored-source';
import { type RedactedBlob, redactStoredBlob } from './redact-blob';
import { settleSource, type UploadResult } from './settle-source';

export type { UploadResult } from './settle-source';

export interface UploadInput {
  incidentId: string;
  /** The file's base name. */
  name: string;
  body: ByteSource;
  /** Aborted when the client goes away: the upload fails instead of finishing for nobody. */
  signal?: AbortSignal;
  /** Declared length (Content-Length of a raw body): fewer bytes means the upload was cut short. */
  expectedBytes?: number;
  /** Redact secrets before anything reads the bytes (default true; `redact=0` on the API turns it off). */
  redact?: boolean;
}

async function receive(db: Db, sourceId: string, input: UploadInput): Promise<number> {
  let stored;
  try {
    stored = await writeBlob(sourceId, input.body, input.signal);
  } catch (cause) {
    throw new UploadInterruptedError(`${input.name}: the upload was interrupted before all bytes arrived; upload it again`, { cause });
  }
  if (input.signal?.aborted) throw new UploadInterruptedError(`${input.name}: the upload was aborted; upload it again`);
  if (input.expectedBytes !== undefined && stored.sizeBytes !== input.expectedBytes) {
    throw new UploadInterruptedError(`${input.name}: the upload was interrupted after ${stored.sizeBytes} of ${input.expectedBytes} bytes; upload it again`);
  }
  const redaction = input.redact === false || stored.sizeBytes === 0 ? null : await redact(sourceId, input);
  const kept = redaction?.stored ?? stored;
  // Still `uploading` until here, so the raw download never serves the unredacted bytes.
  await db.prisma.source.update({
    where: { id: sourceId },
    data: {
      status: 'parsing',
      sizeBytes: kept.sizeBytes,
      sha256: kept.sha256,
      compressed: kept.compressed,
      redacted: input.redact !== false,
      redactions: JSON.stringify(redaction?.counts ?? {}),
    },
  });
  return kept.sizeBytes;
}

/** A failed redaction (corrupt gzip, abort) deletes the bytes: they may hold what it was to remove. */
async function redact(sourceId: string, input: UploadInput): Promise<RedactedBlob> {
  try {
    return await redactStoredBlob(sourceId, input.name, input.signal);
  } catch (error) {
    await deleteBlob(sourceId);
    if (input.signal?.aborted) throw new UploadInterruptedError(`${input.name}: the upload was aborted; upload it again`, { cause: error });
    throw error;
  }
}

export async function ingestUpload(input: UploadInput): Promise<UploadResult> {
  const db = await getDb();
  // Not-found incident throws before anything is stored.
  const { id: sourceId, position, createdAtMs } = await createSource(db.prisma, input.incidentId, input.name);
  return settleSource(db, sourceId, input.name, async () => {
    const sizeBytes = await receive(db, sourceId, input);
    if (sizeBytes === 0) throw new UnprocessableEvidenceError(`${input.name} is empty (0 bytes): nothing to ingest`);
    const target = { incidentId: input.incidentId, sourceId, position, name: input.name, uploadedAtMs: createdAtMs };
    const totals = await parseStoredSource(db, target, input.signal);
    if (input.signal?.aborted) throw new UploadInterruptedError(`${input.name}: ingest aborted: the client went away before it finished; upload it again`);
    return totals;
  });
}
