/**
 * Step (b') of ingest, between storing the bytes and parsing them: redaction of secrets
 * (lib/domain/redact) in the stored blob itself, so everything later (events, the raw download,
 * a re-parse, an export) only ever sees the redacted text.
 *
 * The blob is read as parsing reads it (gunzip when gzip, streaming UTF-8 decode) and the
 * redacted text is written beside it; when something was redacted it replaces the original,
 * as plain UTF-8 (a gzip upload is then stored uncompressed: the source says `compressed:
 * false`); when nothing was, the original bytes stay exactly as uploaded. Memory stays bounded
 * by a chunk plus what the redactor holds (a line, or one JSON string).
 *
 * A binary file is left alone (parsing refuses it with its own error); corrupt gzip cannot be
 * redacted and fails the upload here, and the caller deletes its bytes.
 */
import type { Readable } from 'node:stream';
import { createStreamRedactor } from '@/lib/domain/redact/stream-redactor';
import { type RedactionCounts, totalRedactions } from '@/lib/domain/redact/redaction-counts';
import { rewriteBlob, type StoredBlob } from '../blob-store';
import { UnprocessableEvidenceError } from '../errors';
import { decompressIfGzip } from './decompress';
import { binaryReason } from './sniff-binary';

export interface RedactedBlob {
  counts: RedactionCounts;
  /** The blob that replaced the upload, or null when nothing was redacted (the upload stays). */
  stored: StoredBlob | null;
}

export async function redactStoredBlob(sourceId: string, name: string, signal?: AbortSignal): Promise<RedactedBlob> {
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

  const stored = await rewriteBlob(sourceId, redacted, () => !binary && totalRedactions(redactor.counts) > 0, signal);
  return { counts: binary ? {} : { ...redactor.counts }, stored };
}

function isZlibError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_');
}
