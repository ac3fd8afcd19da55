import { incidentParamsSchema } from '@/lib/schemas/ids';
import { errorBody } from '@/lib/server/http/error-response';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { uploadBody } from '@/lib/server/http/upload-body';
import { ingestUpload } from '@/lib/server/ingest/ingest-upload';
import { listSources } from '@/lib/server/queries/list-sources';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// Large uploads parse for a while; the response is sent once the source is ready or failed.
export const maxDuration = 3600;

export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json({ sources: await listSources(id) });
});

/** 201 with the ready source; a source that could not be ingested answers its error plus the source. */
export const POST = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const upload = await uploadBody(request);
  const result = await ingestUpload({ incidentId: id, ...upload, signal: request.signal });
  if (result.ok) return Response.json(result.source, { status: 201 });
  return Response.json({ ...errorBody(result.error), source: result.source }, { status: result.error.status });
});
