/**
 * Access for pages (server components), which `handler` does not see: the same session cookie,
 * read through next/headers. A page that needs the workspace calls `requirePageAccess` first
 * and is redirected to the sign-in page when sign-in is configured and there is no live session.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { accessConfigured } from './access-config';
import { safeNextPath } from './next-path';
import { SESSION_COOKIE } from './session-cookie';
import { findSession, type SessionInfo } from './sessions';

export interface PageAccess {
  /** Whether sign-in is required on this server. */
  configured: boolean;
  session: SessionInfo | null;
}

// cache(): the layout, a page and its metadata all ask; one session lookup per request.
export const pageAccess = cache(async (): Promise<PageAccess> => {
  // Read the cookie whether or not sign-in is configured: it makes every page request-time
  // rendered, so the setting (and the open-workspace banner) is read at run time, never baked
  // in by `next build`.
  const token = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  if (!accessConfigured()) return { configured: false, session: null };
  return { configured: true, session: await findSession(token) };
});

export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(safeNextPath(next))}`;
}

/** Redirects to `/sign-in?next=<path>` unless the workspace is open or the visitor is signed in. */
export async function requirePageAccess(path: string): Promise<PageAccess> {
  const access = await pageAccess();
  if (access.configured && !access.session) redirect(signInPath(path));
  return access;
}
