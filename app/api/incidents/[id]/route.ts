import { incidentParamsSchema } from '@/lib/schemas/ids';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { getIncident } from '@/lib/server/queries/get-incident';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await getIncident(id));
});
