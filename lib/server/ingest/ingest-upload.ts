/**
 * The one ingest pipeline (API upload, UI upload through the API, later the CLI's `--store`):
 *
 *   (a) Source row, `uploading`, next position      -> create-source.ts
 *   (b) bytes streamed to the blob store, hashed     -> blob-store.ts (pending, when redacting)
 *   (c) `parsing`: bytes -> events + diagnostics     -> parse-stored-source.ts; when redacting,
 *       secrets are redacted in the same pass and the redacted text written beside the upload
 *   (c') the redacted text (or, when nothing was redacted, the upload) becomes the blob
 *   (d) `ready`, with exact totals, in one update    -> settle-source.ts
 *
 * Invariants: a `parsing` source's events are listed as they are committed (the first batch
 * alone, so they show within a second), while the analysis reads `ready` sources only;
 * on any failure or abort its events and diagnostics are deleted and it is `failed` with a
 * message that names the file. Evidence problems (empty, binary, unknown format) and
 * interrupted uploads are returned as a failed source; anything else (a database error) is
 * also recorded on the source and then rethrown, to be logged as a server error. The stored
 * blob never holds unredacted bytes of a redacting upload (blob-store.ts), failed or not.
 */
import type { RedactionCounts } from '@/lib/domain/redact/redaction-counts';
import { totalRedactions } from '@/lib/domain/redact/redaction-counts';
import { type ByteSource, deleteBlob, settleParsedText, writeBlob } from '../blob-store';
import { type Db, getDb } from '../db/client';
import { UnprocessableEvidenceError, UploadInterruptedError } from '../errors';
import { createSource } from './create-source';
import { INLINE_PARSE_BYTES, type ParsedSource, parseStoredSource } from './parse-stored-source';
import { prestartParseWorker } from './parse-source-rows';
import { redactPendingBlob } from './redact-blob';
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

async function receive(db: Db, sourceId: string, input: UploadInput, redact: boolean): Promise<number> {
  let stored;
  try {
    stored = await writeBlob(sourceId, input.body, input.signal, { pending: redact });
  } catch (cause) {
    throw new UploadInterruptedError(`${input.name}: the upload was interrupted before all bytes arrived; upload it again`, { cause });
  }
  if (input.signal?.aborted) throw new UploadInterruptedError(`${input.name}: the upload was aborted; upload it again`);
  if (input.expectedBytes !== undefined && stored.sizeBytes !== input.expectedBytes) {
    throw new UploadInterruptedError(`${input.name}: the upload was interrupted after ${stored.sizeBytes} of ${input.expectedBytes} bytes; upload it again`);
  }
  await db.prisma.source.update({
    where: { id: sourceId },
    data: { status: 'parsing', sizeBytes: stored.sizeBytes, sha256: stored.sha256, compressed: stored.compressed, redacted: redact },
  });
  return stored.sizeBytes;
}

/**
 * The redacted text or the upload becomes the blob, and the parsed text finds its place
 * (blob-store.ts); a redacting source says which became the blob, and what was redacted.
 */
async function settleText(db: Db, sourceId: string, parsed: ParsedSource, redact: boolean): Promise<void> {
  const counts: RedactionCounts = parsed.redactions ?? {};
  const stored = await settleParsedText(sourceId, { pending: redact, redacted: redact && totalRedactions(counts) > 0, text: parsed.text });
  if (!redact) return;
  await db.prisma.source.update({
    where: { id: sourceId },
    data: { redactions: JSON.stringify(counts), ...(stored ? { sizeBytes: stored.sizeBytes, sha256: stored.sha256, compressed: stored.compressed } : {}) },
  });
}

/**
 * A parse that redacted as it read failed: its redacted text is incomplete. For a problem with
 * the evidence (unknown format...) the upload is redacted in a pass of its own, so the failed
 * source keeps its bytes for the raw download; otherwise (interrupted, corrupt gzip, a database
 * error) the unredacted bytes are deleted, since they may hold what redaction was to remove.
 */
async function keepRedactedAfterFailure(db: Db, sourceId: string, input: UploadInput, error: unknown): Promise<void> {
  if (error instanceof UnprocessableEvidenceError && !input.signal?.aborted) {
    try {
      const { counts } = await redactPendingBlob(sourceId, input.name, input.signal);
      await db.prisma.source.update({ where: { id: sourceId }, data: { redactions: JSON.stringify(counts) } });
      return;
    } catch {
      // Not redactable either (corrupt gzip): fall through and delete.
    }
  }
  await deleteBlob(sourceId);
}

export async function ingestUpload(input: UploadInput): Promise<UploadResult> {
  const db = await getDb();
  // Not-found incident throws before anything is stored.
  const { id: sourceId, position, createdAtMs } = await createSource(db.prisma, input.incidentId, input.name);
  const redact = input.redact !== false;
  // The parse worker loads while the bytes arrive (~300 ms that the first view no longer waits
  // for); a worker a small upload leaves unused waits for the next parse.
  if (input.expectedBytes === undefined || input.expectedBytes > INLINE_PARSE_BYTES) prestartParseWorker();
  return settleSource(db, sourceId, input.name, async () => {
    try {
      const sizeBytes = await receive(db, sourceId, input, redact);
      if (sizeBytes === 0) throw new UnprocessableEvidenceError(`${input.name} is empty (0 bytes): nothing to ingest`);
      const target = { incidentId: input.incidentId, sourceId, position, name: input.name, uploadedAtMs: createdAtMs, redact };
      const parsed = await parseStoredSource(db, target, input.signal);
      if (input.signal?.aborted) throw new UploadInterruptedError(`${input.name}: ingest aborted: the client went away before it finished; upload it again`);
      await settleText(db, sourceId, parsed, redact);
      return parsed.totals;
    } catch (error) {
      if (redact) await keepRedactedAfterFailure(db, sourceId, input, error);
      throw error;
    }
  });
}
