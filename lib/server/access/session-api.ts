/**
 * What /api/session does: sign in (failed attempts throttled, password checked in constant time,
 * a new Session row, the cookie), sign out, and who am I. Kept out of the route file so the
 * route stays a shim.
 */
import type { SessionDto, SignInBody } from '@/lib/schemas/session';
import { ValidationError } from '../errors';
import { accessConfig } from './access-config';
import { errorToResponse } from '../http/error-response';
import { TooManySignInsError, UnauthorizedError } from './access-errors';
import { sessionToken } from './authorize-request';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { createSession, deleteSession, findSession } from './sessions';
import { SignInThrottle, signInClient } from './sign-in-throttle';
import { passwordMatches } from './tokens';

/** One per process: see sign-in-throttle.ts for why that is enough. */
const throttle = new SignInThrottle();

function tooMany(waitMs: number): Response {
  const seconds = Math.ceil(waitMs / 1000);
  const response = errorToResponse(new TooManySignInsError(seconds));
  response.headers.set('Retry-After', String(seconds));
  return response;
}

export async function whoAmI(request: Request): Promise<SessionDto> {
  const config = accessConfig();
  if (config.password === null) return { accessConfigured: false, name: null, expiresAt: null };
  const session = await findSession(sessionToken(request));
  return { accessConfigured: true, name: session?.name ?? null, expiresAt: session?.expiresAt.toISOString() ?? null };
}

export async function signIn(request: Request, body: SignInBody): Promise<Response> {
  const config = accessConfig();
  if (config.password === null) {
    throw new ValidationError('Sign-in is not configured: this workspace is open (set WITNESS_ACCESS_PASSWORD to require it).');
  }
  const client = signInClient(request);
  const waitMs = throttle.retryAfterMs(client);
  if (waitMs > 0) return tooMany(waitMs);
  if (!passwordMatches(body.password, config.password)) {
    throttle.failed(client);
    throw new UnauthorizedError('Wrong password.');
  }
  throttle.succeeded(client);
  const { token, session } = await createSession(body.name, config.sessionHours);
  const dto: SessionDto = { accessConfigured: true, name: session.name, expiresAt: session.expiresAt.toISOString() };
  return Response.json(dto, {
    status: 201,
    headers: { 'Set-Cookie': sessionCookie(request, token, config.sessionHours * 3600), 'Cache-Control': 'no-store' },
  });
}

export async function signOut(request: Request): Promise<Response> {
  await deleteSession(sessionToken(request));
  const dto: SessionDto = { accessConfigured: accessConfig().password !== null, name: null, expiresAt: null };
  return Response.json(dto, { headers: { 'Set-Cookie': clearedSessionCookie(request), 'Cache-Control': 'no-store' } });
}
