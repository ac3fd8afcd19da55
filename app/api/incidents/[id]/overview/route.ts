import { evidenceOverviewQuerySchema } from '@/lib/schemas/evidence-overview';
import { incidentParamsSchema } from '@/lib/schemas/ids';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getEvidenceOverview } from '@/lib/server/queries/get-evidence-overview';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Events per time column in raw time, over ready sources and those still being parsed. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const { columns } = parseInput(evidenceOverviewQuerySchema, queryObject(request.url), 'query');
  return Response.json(await getEvidenceOverview(id, columns));
});
