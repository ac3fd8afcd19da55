import { annotationListQuerySchema, createAnnotationBodySchema } from '@/lib/schemas/annotation';
import { incidentParamsSchema } from '@/lib/schemas/ids';
import { actorName } from '@/lib/server/access/actor';
import { createAnnotation, listAnnotations } from '@/lib/server/annotations/annotations';
import { jsonBody, parseInput, queryObject } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ annotations }`, oldest first; deleted ones only with `?deleted=1`. */
export const GET = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const { deleted } = parseInput(annotationListQuerySchema, queryObject(request.url), 'query');
  return Response.json({ annotations: await listAnnotations(id, { deleted }) });
});

/** 201 with the annotation; 404 when an event target is not this incident's. */
export const POST = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const body = parseInput(createAnnotationBodySchema, await jsonBody(request), 'body');
  const actor = await actorName(request, body.author);
  return Response.json(await createAnnotation(id, body, actor), { status: 201 });
});
