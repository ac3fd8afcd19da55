import { incidentParamsSchema } from '@/lib/schemas/ids';
import { timelineQuerySchema } from '@/lib/schemas/investigation';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getTimelineSlice } from '@/lib/server/investigate/timeline';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/** One window of the timeline: events one by one, or bins per lane and pixel column. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const query = queryObject(request.url);
  const { align } = parseInput(reportQuerySchema, query, 'query');
  return Response.json(await getTimelineSlice(id, parseInput(timelineQuerySchema, query, 'query'), { alignment: align }));
});
