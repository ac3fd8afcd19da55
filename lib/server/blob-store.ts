/**
 * Upload bytes, kept as uploaded (compressed stays compressed) so the raw download is
 * byte-identical: `BLOB_DIR/<2 id chars>/<source id>`; or, when redaction replaced something,
 * the redacted text instead, so no stored byte holds a secret.
 *
 * Invariants: bytes are streamed to disk, never held whole in memory; size and sha256 are
 * computed on the way through; a blob appears under its final name only when complete (written
 * as `.part`, renamed at the end), so a crash or an interrupted upload never leaves a truncated
 * file that looks whole. The final name only ever holds bytes that may be served: an upload
 * still to be redacted waits as `.unredacted` (pendingBlobPath).
 *
 * Events point by byte offset into the text a parse read (decoded, redacted when asked;
 * lib/server/source-text.ts). That text is the upload itself until it differs from it; from
 * there the parse writes it as `.parsed` (parsedTextPath; lib/server/ingest/parsed-text-writer.ts).
 * settleParsedText then decides where the text lives: nothing was written (the common case) and
 * the blob is the text; or the written text becomes the blob (something was redacted); or it is
 * kept beside the blob as `.text` (sourceTextPath: a gzip upload, bytes that were not UTF-8).
 *
 * The pending upload is read by its parse, and by source-text.ts for events of a parse in
 * progress that has not written a `.parsed` yet: their bytes are then the redacted text too, as
 * redaction has replaced nothing so far.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readEnv } from '@/lib/schemas/env';
import { hasGzipMagic } from './ingest/decompress';

export interface StoredBlob {
  sizeBytes: number;
  sha256: string;
  /** Starts with the gzip magic bytes. */
  compressed: boolean;
}

/**
 * 256 KiB reads. The performance guide measured 1 MiB reads 3.6x faster than Node's 64 KiB
 * default; here each 1 MiB buffer came from fresh memory, and a page touched for the first time
 * costs ~11 us on this machine: reading 243 MB took 310-355 ms in 1 MiB reads (19k page
 * faults), 136-197 ms in 256 KiB ones (2-7k), 210-300 ms in 64 KiB ones.
 */
export const BLOB_READ_CHUNK = 256 * 1024;


export function blobPath(sourceId: string): string {
  return path.join(path.resolve(readEnv().BLOB_DIR), sourceId.slice(0, 2), sourceId);
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

function toReadable(body: ByteSource): Readable {
  return body instanceof ReadableStream ? Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>) : Readable.from(body);
}

const PENDING_SUFFIX = '.unredacted';
const PARSED_SUFFIX = '.parsed';
const TEXT_SUFFIX = '.text';

/** An upload waiting for its redaction (see the invariants above). */
export function pendingBlobPath(sourceId: string): string {
  return `${blobPath(sourceId)}${PENDING_SUFFIX}`;
}

/** The text a parse in progress writes once it differs from the upload (see above); also the redaction fallback's output. */
export function parsedTextPath(sourceId: string): string {
  return `${blobPath(sourceId)}${PARSED_SUFFIX}`;
}

/** The source's text, when it is not the blob's bytes (see above). */
export function sourceTextPath(sourceId: string): string {
  return `${blobPath(sourceId)}${TEXT_SUFFIX}`;
}

/** Stores an upload: under its final name, or (`pending`) to wait for its redaction. */
export function writeBlob(sourceId: string, body: ByteSource, signal?: AbortSignal, options: { pending?: boolean } = {}): Promise<StoredBlob> {
  return writeBlobFile(options.pending ? pendingBlobPath(sourceId) : blobPath(sourceId), body, signal);
}

export interface ParsedText {
  /** The parse read the pending upload (it was to be redacted). */
  pending: boolean;
  /** Redaction replaced something: the parsed text must become the blob. */
  redacted: boolean;
  /** The text the parse wrote (`.parsed`), measured as written; null: it never differed from the upload. */
  text: StoredBlob | null;
}

/**
 * Ends a parse that finished: puts its text where readers will find it (see above). When the
 * redacted text becomes the blob, its size and hash are returned (it is plain UTF-8);
 * otherwise null, and a pending upload becomes the blob byte for byte. The order of the renames
 * keeps every event's text readable at every moment (source-text.ts tries `.parsed`, then
 * `.text`, then the blob).
 */
export async function settleParsedText(sourceId: string, parsed: ParsedText): Promise<StoredBlob | null> {
  const text = parsedTextPath(sourceId);
  if (parsed.redacted) {
    // Redaction changed the text, so the parse wrote it.
    if (parsed.text === null) throw new Error(`source ${sourceId}: redacted, but its redacted text was not written`);
    await rename(text, blobPath(sourceId));
    await Promise.all([pendingBlobPath(sourceId), sourceTextPath(sourceId)].map((f) => rm(f, { force: true })));
    return parsed.text;
  }
  if (parsed.pending) await rename(pendingBlobPath(sourceId), blobPath(sourceId));
  if (parsed.text === null) {
    // A `.parsed` here is left from an attempt that did not finish (the worker ran out of memory).
    await Promise.all(withPart([sourceTextPath(sourceId), text]).map((f) => rm(f, { force: true })));
  } else {
    await rename(text, sourceTextPath(sourceId));
  }
  return null;
}

const withPart = (files: string[]) => files.flatMap((f) => [f, `${f}.part`]);

/** Removes the text of a parse that did not finish. */
export async function deleteParsedText(sourceId: string): Promise<void> {
  await Promise.all(withPart([parsedTextPath(sourceId)]).map((f) => rm(f, { force: true })));
}

/** Removes what a redaction in progress left (an upload not redacted yet): never the final blob. */
export async function deletePendingBlobs(sourceId: string): Promise<void> {
  await Promise.all(withPart([pendingBlobPath(sourceId), parsedTextPath(sourceId)]).map((f) => rm(f, { force: true })));
}

/** Size, SHA-256 and the gzip magic of bytes seen chunk by chunk. */
export class BlobMeasure {
  private readonly hash = createHash('sha256');
  private sizeBytes = 0;
  private readonly head: number[] = [];

  add(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.sizeBytes += chunk.length;
    for (let i = 0; this.head.length < 2 && i < chunk.length; i++) this.head.push(chunk[i] as number);
  }

  result(): StoredBlob {
    return { sizeBytes: this.sizeBytes, sha256: this.hash.digest('hex'), compressed: hasGzipMagic(this.head) };
  }
}

async function writeBlobFile(finalPath: string, body: ByteSource, signal?: AbortSignal): Promise<StoredBlob> {
  const partPath = `${finalPath}.part`;
  await mkdir(path.dirname(finalPath), { recursive: true });
  const measure = new BlobMeasure();
  const measuring = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      measure.add(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(toReadable(body), measuring, createWriteStream(partPath), signal ? { signal } : {});
    await rename(partPath, finalPath);
  } catch (error) {
    await rm(partPath, { force: true });
    throw error;
  }
  return measure.result();
}

/**
 * Redacts a pending upload in a pass of its own (lib/server/ingest/redact-blob.ts: the fallback
 * when the parse that redacts it could not finish): `rewrite` reads the upload and yields the
 * new bytes; when `keep()` then says so, they become the blob and their size and hash are
 * returned, otherwise the upload becomes the blob as it was (null).
 */
export async function rewritePendingBlob(
  sourceId: string,
  rewrite: (original: Readable) => AsyncIterable<Uint8Array>,
  keep: () => boolean,
  signal?: AbortSignal,
): Promise<StoredBlob | null> {
  const rewritten = parsedTextPath(sourceId);
  const stored = await writeBlobFile(rewritten, rewrite(openBlobFile(pendingBlobPath(sourceId))), signal);
  const kept = keep();
  const [final, drop] = kept ? [rewritten, pendingBlobPath(sourceId)] : [pendingBlobPath(sourceId), rewritten];
  await rename(final, blobPath(sourceId));
  await rm(drop, { force: true });
  return kept ? stored : null;
}

export function openBlob(sourceId: string): Readable {
  return openBlobFile(blobPath(sourceId));
}

/** A blob by its path (blobPath), for readers that cannot call readEnv (the parse worker gets the path). */
export function openBlobFile(file: string): Readable {
  return createReadStream(file, { highWaterMark: BLOB_READ_CHUNK });
}

export async function blobSize(sourceId: string): Promise<number | null> {
  try {
    return (await stat(blobPath(sourceId))).size;
  } catch {
    return null;
  }
}

export async function deleteBlob(sourceId: string): Promise<void> {
  const file = blobPath(sourceId);
  const names = [file, `${file}${PENDING_SUFFIX}`, `${file}${PARSED_SUFFIX}`, `${file}${TEXT_SUFFIX}`];
  await Promise.all(withPart(names).map((f) => rm(f, { force: true })));
}
