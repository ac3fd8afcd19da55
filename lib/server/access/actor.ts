/**
 * Who is making a change, for the author of annotations, revisions and postmortem edits.
 * Without sign-in configured the workspace is open and the UI says who is writing (`claimed`);
 * with sign-in, the session's name wins (access.ts fills that in).
 */
export const ANONYMOUS = 'anonymous';

export async function actorName(request: Request, claimed: string | undefined): Promise<string> {
  void request;
  return claimed?.trim() || ANONYMOUS;
}
