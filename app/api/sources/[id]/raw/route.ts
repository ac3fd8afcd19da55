import { Readable } from 'node:stream';
import { sourceParamsSchema } from '@/lib/schemas/ids';
import { attachment } from '@/lib/server/http/content-disposition';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getSourceBlob } from '@/lib/server/queries/get-source-blob';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The original bytes exactly as uploaded (a .gz stays gzip), streamed. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(sourceParamsSchema, params, 'params');
  const blob = await getSourceBlob(id);
  return new Response(Readable.toWeb(blob.stream) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': blob.compressed ? 'application/gzip' : 'application/octet-stream',
      'Content-Length': String(blob.sizeBytes),
      'Content-Disposition': attachment(blob.name),
      'Cache-Control': 'private, no-store',
    },
  });
});
