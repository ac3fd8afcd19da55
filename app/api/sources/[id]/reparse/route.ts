import { sourceParamsSchema } from '@/lib/schemas/ids';
import { errorBody } from '@/lib/server/http/error-response';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { reparseSource } from '@/lib/server/ingest/reparse-source';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 3600;

/** Re-parse from the stored original bytes: 200 with the ready source, else the error plus the failed source. */
export const POST = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(sourceParamsSchema, params, 'params');
  // No abort signal: a re-parse runs to its end even if the client goes away (the bytes are ours).
  const result = await reparseSource(id);
  if (result.ok) return Response.json(result.source);
  return Response.json({ ...errorBody(result.error), source: result.source }, { status: result.error.status });
});
