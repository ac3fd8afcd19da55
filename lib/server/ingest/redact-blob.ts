/**
 * Redaction of a pending upload in a pass of its own: the fallback for an upload whose parse
 * (which redacts as it reads: read-evidence.ts) failed on its evidence, so that the failed source
 * still keeps its bytes, redacted, for the raw download and a re-parse.
 *
 * The upload is read as parsing reads it (gunzip when gzip, streaming UTF-8 decode) and the
 * redacted text is written beside it; when something was redacted it becomes the blob, as
 * plain UTF-8 (a gzip upload is then stored uncompressed); when nothing was, the upload does,
 * exactly as uploaded. Memory stays bounded by a chunk plus what the redactor holds (a line, or
 * one JSON string).
 *
 * A binary file is left alone; corrupt gzip cannot be redacted and throws, and the caller
 * deletes the bytes.
 */
import type { Readable } from 'node:stream';
import { createStreamRedactor } from '@/lib/domain/redact/stream-redactor';
import { type RedactionCounts, totalRedactions } from '@/lib/domain/redact/redaction-counts';
import { rewritePendingBlob, type StoredBlob } from '../blob-store';
import { UnprocessableEvidenceError } from '../errors';
import { decompressIfGzip } from './decompress';
import { binaryReason } from './sniff-binary';

export interface RedactedBlob {
  counts: RedactionCounts;
  /** The blob that replaced the upload, or null when nothing was redacted (the upload stays). */
  stored: StoredBlob | null;
}

export async function redactPendingBlob(sourceId: string, name: string, signal?: AbortSignal): Promise<RedactedBlob> {
  const redactor = createStreamRedactor();
  let binary = false;

  async function* redacted(original: Readable): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const { compressed, chunks } = await decompressIfGzip(original);
    let first = true;
    try {
      for await (const chunk of chunks) {
        if (first && binaryReason(chunk) !== null) {
          binary = true;
          return;
        }
        first = false;
        const text = redactor.write(decoder.decode(chunk, { stream: true }));
        if (text.length > 0) yield encoder.encode(text);
      }
    } catch (error) {
      if (compressed && isZlibError(error)) {
        throw new UnprocessableEvidenceError(`${name}: the gzip data is corrupt or truncated (${error.message})`);
      }
      throw error;
    }
    const rest = redactor.write(decoder.decode()) + redactor.end();
    if (rest.length > 0) yield encoder.encode(rest);
  }

  const stored = await rewritePendingBlob(sourceId, redacted, () => !binary && totalRedactions(redactor.counts) > 0, signal);
  return { counts: binary ? {} : { ...redactor.counts }, stored };
}

function isZlibError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_');
}
