import { incidentParamsSchema } from '@/lib/schemas/ids';
import { exportBundle } from '@/lib/server/bundle/export-bundle';
import { attachment } from '@/lib/server/http/content-disposition';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The whole incident as a JSON bundle another Witness imports (POST /api/incidents/import), streamed. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  const bundle = await exportBundle(id, new Date());
  return new Response(bundle.body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': attachment(`${bundle.name.replace(/[^\w.-]+/g, '-') || 'incident'}.witness.json`),
      'Cache-Control': 'private, no-store',
    },
  });
});
