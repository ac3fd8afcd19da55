/**
 * Who is making a change, for the author of annotations, revisions, postmortem edits and share
 * links. Without sign-in configured the workspace is open and the UI says who is writing
 * (`claimed`); with sign-in, the session's name wins and `claimed` is ignored, so nobody writes
 * under another's name.
 */
import { accessConfigured } from './access-config';
import { requestSession, sessionToken } from './authorize-request';
import { findSession } from './sessions';

export const ANONYMOUS = 'anonymous';

export async function actorName(request: Request, claimed: string | undefined): Promise<string> {
  if (accessConfigured()) {
    // `handler` has already checked the session and kept it; the lookup covers callers outside it.
    const session = requestSession(request) ?? (await findSession(sessionToken(request)));
    return session?.name ?? ANONYMOUS;
  }
  return claimed?.trim() || ANONYMOUS;
}
