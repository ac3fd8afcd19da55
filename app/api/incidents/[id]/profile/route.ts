import { incidentParamsSchema } from '@/lib/schemas/ids';
import { parseInput } from '@/lib/server/http/parse-input';
import { profileBody } from '@/lib/server/http/profile-body';
import { handler } from '@/lib/server/http/route-handler';
import { getIncidentProfile } from '@/lib/server/queries/get-incident-profile';
import { saveIncidentProfile } from '@/lib/server/queries/save-incident-profile';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ profile: PROFILE | null }`: the saved profile as written. */
export const GET = handler<{ id: string }>(async (_request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await getIncidentProfile(id));
});

/** Body: the profile document, or `null` to clear it. 400 with `issues[{path, message}]` when invalid. */
export const PUT = handler<{ id: string }>(async (request, params) => {
  const { id } = parseInput(incidentParamsSchema, params, 'params');
  return Response.json(await saveIncidentProfile(id, await profileBody(request)));
});
