/**
 * Transparent gzip: bytes that start with the gzip magic are decompressed in the stream
 * (concatenated gzip members included), anything else passes through untouched.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** Decompressed chunks of 256 KiB, the size of the reads (blob-store.ts BLOB_READ_CHUNK says why). */
const GUNZIP_CHUNK = 256 * 1024;

/** Whether bytes start with the gzip magic (0x1f 0x8b): the one test of "this is gzip". */
export function hasGzipMagic(head: ArrayLike<number>): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

export interface Decompressed {
  compressed: boolean;
  chunks: AsyncIterable<Uint8Array>;
}

export async function decompressIfGzip(input: AsyncIterable<Uint8Array>): Promise<Decompressed> {
  const iterator = input[Symbol.asyncIterator]();
  // Read until we hold the two magic bytes (a first chunk may be a single byte) or the input ends.
  const pending: Uint8Array[] = [];
  let held = 0;
  let done = false;
  while (held < 2) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    pending.push(next.value);
    held += next.value.length;
  }
  const head = Buffer.concat(pending);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const compressed = hasGzipMagic(head);
  if (!compressed) return { compressed, chunks: all() };
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK });
  // pipeline forwards an input error (interrupted upload) to gunzip, so iterating it throws.
  pipeline(Readable.from(all(), { objectMode: false }), gunzip).catch(() => {});
  return { compressed, chunks: gunzip };
}
