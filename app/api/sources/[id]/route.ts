import { sourceParamsSchema } from '@/lib/schemas/ids';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getSource } from '@/lib/server/queries/get-source';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Progress polling while a source is ingested: status, parsedBytes, events. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(sourceParamsSchema, params, 'params');
  return Response.json(await getSource(id));
});
