import { demoQuerySchema } from '@/lib/schemas/demo-query';
import { openDemoIncident } from '@/lib/server/demo/open-demo-incident';
import { parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** 201 with a new demo incident, or 200 with the existing one (`?fresh=1` always makes a new one). */
export const POST = handler(async (request) => {
  const { fresh } = parseInput(demoQuerySchema, queryObject(request.url), 'query');
  const { incident, created } = await openDemoIncident({ fresh, nowMs: Date.now() });
  return Response.json(incident, { status: created ? 201 : 200 });
});
