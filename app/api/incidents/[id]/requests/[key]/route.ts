import { requestParamsSchema } from '@/lib/schemas/investigation';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getRequestView } from '@/lib/server/investigate/request-view';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** One request group, by any of its identifiers (request, correlation or trace id). */
export const GET = handler<{ id: string; key: string }>(async (request, params) => {
  const { id, key } = parseInput(requestParamsSchema, params, 'params');
  const { align } = parseInput(reportQuerySchema, queryObject(request.url), 'query');
  return Response.json(await getRequestView(id, key, { alignment: align }));
});
