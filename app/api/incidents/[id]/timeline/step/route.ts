import { incidentParamsSchema } from '@/lib/schemas/ids';
import { timelineStepQuerySchema } from '@/lib/schemas/investigation';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { stepTimeline } from '@/lib/server/investigate/timeline';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** The next or previous event in time order: {eventId, start}, both null past either end. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const query = queryObject(request.url);
  const { align } = parseInput(reportQuerySchema, query, 'query');
  return Response.json(await stepTimeline(id, parseInput(timelineStepQuerySchema, query, 'query'), { alignment: align }));
});
