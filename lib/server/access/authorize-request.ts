/**
 * The one access decision for every API route, made by `handler` (lib/server/http/route-handler.ts)
 * before the route runs, from the request's method, path and cookie and the route's params, so a
 * new route is covered without doing anything:
 *
 * 1. Share links. A path `/api/incidents/share~{token}/...` (or any route param starting with
 *    `share~`) is a shared read: only GET/HEAD, only within the link's scope (share-scope.ts),
 *    only with a live link, and then the route runs with the link's incident id in place of the
 *    token. Anything else is the same 404, whether or not sign-in is configured.
 * 2. Cross-site refusal (same-origin.ts): a mutation from another origin is a 403.
 * 3. Sign-in, when WITNESS_ACCESS_PASSWORD is set: every route but `/api/session` needs a live
 *    session cookie, else 401.
 */
import { SHARE_ID_PREFIX } from '@/lib/schemas/share';
import { accessConfig } from './access-config';
import { ForbiddenError, ShareNotFoundError, UnauthorizedError } from './access-errors';
import { checkSameOrigin } from './same-origin';
import { readCookie, SESSION_COOKIE } from './session-cookie';
import { findSession, type SessionInfo } from './sessions';
import { findActiveShare } from './share-links';
import { parseSharedApiPath, shareScopeAllows } from './share-scope';

/** Routes reachable without a session: signing in itself (and asking whether one is needed). */
const PUBLIC_API_PATHS: ReadonlySet<string> = new Set(['/api/session']);

// Who made a request, kept for the route (actorName) so it is not looked up twice.
const sessionsByRequest = new WeakMap<Request, SessionInfo>();

export function requestSession(request: Request): SessionInfo | null {
  return sessionsByRequest.get(request) ?? null;
}

export function sessionToken(request: Request): string | null {
  return readCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

function isShareValue(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(SHARE_ID_PREFIX);
}

async function authorizeShare<P extends Record<string, string>>(request: Request, params: P, pathname: string): Promise<P> {
  const shared = parseSharedApiPath(pathname);
  // The token must sit where the incident id goes in an /api/incidents/{id} route: a `share~`
  // value anywhere else (a source id, an event id) names nothing a link can open.
  if (!shared || params.id !== `${SHARE_ID_PREFIX}${shared.token}`) throw new ShareNotFoundError();
  if (Object.entries(params).some(([key, value]) => key !== 'id' && isShareValue(value))) throw new ShareNotFoundError();
  const link = await findActiveShare(shared.token);
  if (!link || !shareScopeAllows(link.scope, request.method, shared.rest)) throw new ShareNotFoundError();
  return { ...params, id: link.incidentId };
}

/**
 * Lets the request through (returning the params the route should see) or throws the access
 * error to answer instead.
 */
export async function authorizeRequest<P extends Record<string, string>>(request: Request, params: P): Promise<P> {
  const { pathname } = new URL(request.url);
  if (parseSharedApiPath(pathname) !== null || Object.values(params).some(isShareValue)) {
    return authorizeShare(request, params, pathname);
  }
  const config = accessConfig();
  const origin = checkSameOrigin(request, config.password !== null);
  if (!origin.ok) throw new ForbiddenError(origin.reason);
  if (config.password === null || PUBLIC_API_PATHS.has(pathname)) return params;
  const session = await findSession(sessionToken(request));
  if (!session) throw new UnauthorizedError();
  sessionsByRequest.set(request, session);
  return params;
}
