import { bundleSchema } from '@/lib/schemas/bundle';
import { importBundle } from '@/lib/server/bundle/import-bundle';
import { jsonBody, parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
export const maxDuration = 300;

/**
 * Imports a bundle (GET /api/incidents/{id}/bundle of this or another Witness) as a new
 * incident: 201 with the incident, the sources that failed to ingest here, and what was dropped.
 */
export const POST = handler(async (request) => {
  const bundle = parseInput(bundleSchema, await jsonBody(request), 'body');
  return Response.json(await importBundle(bundle), { status: 201 });
});
