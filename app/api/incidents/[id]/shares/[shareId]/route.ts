import { shareParamsSchema } from '@/lib/schemas/share';
import { revokeShareLink } from '@/lib/server/access/share-links';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Revokes the link: from now on its token answers 404 like one that never existed. */
export const DELETE = handler<{ id: string; shareId: string }>(async (_request, params) => {
  const { id, shareId } = parseInput(shareParamsSchema, params, 'params');
  return Response.json(await revokeShareLink(id, shareId));
});
