import { listEventsQuerySchema } from '@/lib/schemas/event';
import { incidentParamsSchema } from '@/lib/schemas/ids';
import { knownClockOffsets } from '@/lib/server/analysis/known-clock-offsets';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { listEvents } from '@/lib/server/queries/list-events';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One page of events; `at` is aligned time once an analysis is known (never computed from here). */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const query = parseInput(listEventsQuerySchema, queryObject(request.url), 'query');
  const page = await listEvents({
    incidentId: id,
    sourceIds: query.source,
    services: query.service,
    levels: query.level,
    request: query.request,
    q: query.q,
    unparsedOnly: query.unparsed,
    cursor: query.cursor,
    limit: query.limit,
    offsets: await knownClockOffsets(id),
  });
  return Response.json(page);
});
