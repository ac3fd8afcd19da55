import { storyParamsSchema } from '@/lib/schemas/annotation';
import { actorName } from '@/lib/server/access/actor';
import { setStoryFinding } from '@/lib/server/annotations/postmortem';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string; kind: string; eventId: string };

/** Marks the finding (kind, triggering event) as part of the story; answers the postmortem. `?author=` names who. */
export const PUT = handler<Params>(async (request, params) => {
  const { id, kind, eventId } = parseInput(storyParamsSchema, params, 'params');
  const actor = await actorName(request, new URL(request.url).searchParams.get('author') ?? undefined);
  return Response.json(await setStoryFinding(id, { kind, eventId }, true, actor));
});

export const DELETE = handler<Params>(async (request, params) => {
  const { id, kind, eventId } = parseInput(storyParamsSchema, params, 'params');
  const actor = await actorName(request, new URL(request.url).searchParams.get('author') ?? undefined);
  return Response.json(await setStoryFinding(id, { kind, eventId }, false, actor));
});
