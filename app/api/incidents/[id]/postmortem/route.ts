import { putPostmortemBodySchema } from '@/lib/schemas/annotation';
import { incidentParamsSchema } from '@/lib/schemas/ids';
import { actorName } from '@/lib/server/access/actor';
import { getPostmortem, savePostmortem } from '@/lib/server/annotations/postmortem';
import { jsonBody, parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The postmortem's text and story; empty defaults before the first save. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await getPostmortem(id));
});

export const PUT = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const body = parseInput(putPostmortemBodySchema, await jsonBody(request), 'body');
  return Response.json(await savePostmortem(id, body, await actorName(request, body.author)));
});
