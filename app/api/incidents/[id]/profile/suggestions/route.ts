import { incidentParamsSchema } from '@/lib/schemas/ids';
import { incidentProfileSuggestions } from '@/lib/server/analysis/incident-profile-suggestions';
import { parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Identifier slots, keys, path templates, state fields and ready-made entity rules from a sample of the events. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await incidentProfileSuggestions(id));
});
