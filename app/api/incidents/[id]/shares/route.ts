import { incidentParamsSchema } from '@/lib/schemas/ids';
import { createShareBodySchema } from '@/lib/schemas/share';
import { actorName } from '@/lib/server/access/actor';
import { createShareLink, listShareLinks } from '@/lib/server/access/share-links';
import { jsonBody, parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The incident's share links, newest first, with their status; never their tokens. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json({ shares: await listShareLinks(id) }, { headers: { 'Cache-Control': 'no-store' } });
});

/** 201 with the new link and its token: the only answer that ever carries it. */
export const POST = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const body = parseInput(createShareBodySchema, await jsonBody(request), 'body');
  const created = await createShareLink(id, body, await actorName(request, body.author));
  return Response.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
