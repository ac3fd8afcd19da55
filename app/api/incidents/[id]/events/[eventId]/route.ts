import { eventParamsSchema } from '@/lib/schemas/investigation';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getEventDetail } from '@/lib/server/investigate/event-detail';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** One event's whole record and where it sits in the analysis. (`events/facets` is a static sibling and wins.) */
export const GET = handler<{ id: string; eventId: string }>(async (request, params) => {
  const { id, eventId } = parseInput(eventParamsSchema, params, 'params');
  const { align } = parseInput(reportQuerySchema, queryObject(request.url), 'query');
  return Response.json(await getEventDetail(id, eventId, { alignment: align }));
});
