import { signInBodySchema } from '@/lib/schemas/session';
import { signIn, signOut, whoAmI } from '@/lib/server/access/session-api';
import { jsonBody, parseInput } from '@/lib/server/http/parse-input';
import { handler } from '@/lib/server/http/route-handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Whether sign-in is configured and who is signed in (reachable without a session). */
export const GET = handler(async (request) => Response.json(await whoAmI(request)));

/** Sign in with a name and the workspace password: 201 and the `witness_session` cookie, or 401. */
export const POST = handler(async (request) => {
  const body = parseInput(signInBodySchema, await jsonBody(request), 'body');
  return signIn(request, body);
});

/** Sign out: the session ends and the cookie is cleared. */
export const DELETE = handler(async (request) => signOut(request));
