/** getSourceBlob: a source's original bytes, as uploaded, for download. */
import type { Readable } from 'node:stream';
import { blobSize, openBlob } from '../blob-store';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';

export interface SourceBlob {
  name: string;
  sizeBytes: number;
  compressed: boolean;
  stream: Readable;
}

export async function getSourceBlob(id: string): Promise<SourceBlob> {
  const { prisma } = await getDb();
  const row = await prisma.source.findUnique({ where: { id }, select: { name: true, compressed: true, status: true } });
  if (!row) throw new NotFoundError('source', id);
  // Uploads still arriving, or cut short, have no complete bytes to give.
  const size = row.status === 'uploading' ? null : await blobSize(id);
  if (size === null) throw new NotFoundError('raw bytes of source', id);
  return { name: row.name, sizeBytes: size, compressed: row.compressed, stream: openBlob(id) };
}
