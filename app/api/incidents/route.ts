import { createIncidentBodySchema } from '@/lib/schemas/incident';
import { jsonBody, parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';
import { createIncident } from '@/lib/server/queries/create-incident';
import { listIncidents } from '@/lib/server/queries/list-incidents';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async () => Response.json({ incidents: await listIncidents() }));

export const POST = handler(async (request) => {
  const body = parseInput(createIncidentBodySchema, await jsonBody(request), 'body');
  return Response.json(await createIncident(body), { status: 201 });
});
