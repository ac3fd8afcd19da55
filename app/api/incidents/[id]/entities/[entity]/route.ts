import { entityParamsSchema } from '@/lib/schemas/investigation';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getEntityView } from '@/lib/server/investigate/entity-view';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** The witness table of one entity, `type:id` URL-encoded in the path. */
export const GET = handler<{ id: string; entity: string }>(async (request, params) => {
  const { id, entity } = parseInput(entityParamsSchema, params, 'params');
  const { align } = parseInput(reportQuerySchema, queryObject(request.url), 'query');
  return Response.json(await getEntityView(id, entity, { alignment: align }));
});
