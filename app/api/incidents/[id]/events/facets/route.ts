import { incidentParamsSchema } from '@/lib/schemas/ids';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { listEventFacets } from '@/lib/server/queries/list-event-facets';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await listEventFacets(id));
});
