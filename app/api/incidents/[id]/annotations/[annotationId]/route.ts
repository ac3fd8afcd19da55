import { annotationParamsSchema, updateAnnotationBodySchema } from '@/lib/schemas/annotation';
import { actorName } from '@/lib/server/access/actor';
import { deleteAnnotation, updateAnnotation } from '@/lib/server/annotations/annotations';
import { jsonBody, parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string; annotationId: string };

/** Changes the kind and/or the body; the previous text stays in the revisions. */
export const PATCH = handler<Params>(async (request, params) => {
  const { id, annotationId } = parseInput(annotationParamsSchema, params, 'params');
  const body = parseInput(updateAnnotationBodySchema, await jsonBody(request), 'body');
  const actor = await actorName(request, body.author);
  return Response.json(await updateAnnotation(id, annotationId, { kind: body.kind, body: body.body }, actor));
});

/** Soft delete: deletedAt is set and a revision kept; restore brings it back. `?author=` names who. */
export const DELETE = handler<Params>(async (request, params) => {
  const { id, annotationId } = parseInput(annotationParamsSchema, params, 'params');
  const actor = await actorName(request, new URL(request.url).searchParams.get('author') ?? undefined);
  return Response.json(await deleteAnnotation(id, annotationId, actor));
});
