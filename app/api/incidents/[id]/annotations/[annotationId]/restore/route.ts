import { annotationParamsSchema } from '@/lib/schemas/annotation';
import { actorName } from '@/lib/server/access/actor';
import { restoreAnnotation } from '@/lib/server/annotations/annotations';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Undoes a delete (a `restored` revision is kept). `?author=` names who. */
export const POST = handler<{ id: string; annotationId: string }>(async (request, params) => {
  const { id, annotationId } = parseInput(annotationParamsSchema, params, 'params');
  const actor = await actorName(request, new URL(request.url).searchParams.get('author') ?? undefined);
  return Response.json(await restoreAnnotation(id, annotationId, actor));
});
