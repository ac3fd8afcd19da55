import { annotationParamsSchema } from '@/lib/schemas/annotation';
import { listAnnotationRevisions } from '@/lib/server/annotations/annotations';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ revisions }`, oldest first: the creation, then each edit, delete and restore. */
export const GET = handler<{ id: string; annotationId: string }>(async (_request, params) => {
  const { id, annotationId } = parseInput(annotationParamsSchema, params, 'params');
  return Response.json({ revisions: await listAnnotationRevisions(id, annotationId) });
});
