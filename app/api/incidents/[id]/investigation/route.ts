import { incidentParamsSchema } from '@/lib/schemas/ids';
import { reportQuerySchema } from '@/lib/schemas/report-query';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getInvestigation } from '@/lib/server/investigate/investigation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
// The first view of an incident analyzes it (seconds at a million events); later ones read memory.
export const maxDuration = 300;

/** What the investigation opens with (lib/schemas/investigation.ts); ?align=0 reads raw clocks. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const { align } = parseInput(reportQuerySchema, queryObject(request.url), 'query');
  return Response.json(await getInvestigation(id, { alignment: align }));
});
