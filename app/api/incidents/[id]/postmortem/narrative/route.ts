import { incidentParamsSchema } from '@/lib/schemas/ids';
import { getPostmortemNarrative } from '@/lib/server/annotations/narrative';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** `{ items }`: annotations and story findings in aligned time, each with its evidence. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await getPostmortemNarrative(id));
});
