/**
 * Wraps a route handler so that every request passes the access decision first and every thrown
 * error goes through errorToResponse: routes stay shims (parse, call, return) and never build
 * error bodies or check access themselves.
 *
 * Access (lib/server/access/authorize-request.ts) is decided here, from the request and the
 * route's params, so every route, present and future, is covered: share-link reads get the
 * link's incident id in place of the token, cross-site mutations a 403, and with sign-in
 * configured a request without a session a 401.
 */
import { authorizeRequest } from '../access/authorize-request';
import { errorToResponse } from './error-response';

export type RouteContext<P extends Record<string, string>> = { params: Promise<P> };

export function handler<P extends Record<string, string>>(
  fn: (request: Request, params: P) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      // Next passes no params to a route without dynamic segments (`/api/incidents`).
      const params = await authorizeRequest(request, (await context?.params) ?? ({} as P));
      return await fn(request, params);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}
