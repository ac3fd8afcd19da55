import { incidentParamsSchema } from '@/lib/schemas/ids';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { getIncidentReport } from '@/lib/server/analysis/incident-report';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { reportResponse } from '@/lib/server/http/report-response';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// A million events take seconds to analyze the first time; later requests are served from the cache.
export const maxDuration = 300;

/** The report of spec section 7 (plus `signals`); headers say whether it was cached and how long it took. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const { align } = parseInput(reportQuerySchema, queryObject(request.url), 'query');
  return reportResponse(await getIncidentReport(id, { alignment: align }));
});
