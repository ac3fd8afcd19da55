/**
 * Wraps a route handler so that every thrown error goes through errorToResponse: routes stay
 * shims (parse, call, return) and never build error bodies themselves.
 */
import { errorToResponse } from './error-response';

export type RouteContext<P extends Record<string, string>> = { params: Promise<P> };

export function handler<P extends Record<string, string>>(
  fn: (request: Request, params: P) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      return await fn(request, await context.params);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}
