/**
 * Sign-in sessions: the cookie carries a random token, the Session table its SHA-256 with the
 * name signed in with and when it ends. A session is looked up on every request (one primary-key
 * read), so signing out or deleting the row ends it at once.
 */
import { getDb } from '../db/client';
import { hashToken, isTokenShape, newToken } from './tokens';

export interface SessionInfo {
  name: string;
  expiresAt: Date;
}

export async function createSession(name: string, hours: number, nowMs = Date.now()): Promise<{ token: string; session: SessionInfo }> {
  const { prisma } = await getDb();
  const token = newToken();
  const expiresAt = new Date(nowMs + hours * 3_600_000);
  // Sweep ended sessions here: sign-ins are rare, so this keeps the table small at no cost per request.
  await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date(nowMs) } } });
  await prisma.session.create({ data: { tokenHash: hashToken(token), name, expiresAt } });
  return { token, session: { name, expiresAt } };
}

/** The live session a token names, or null (malformed, unknown, or ended). */
export async function findSession(token: string | null, nowMs = Date.now()): Promise<SessionInfo | null> {
  if (!token || !isTokenShape(token)) return null;
  const { prisma } = await getDb();
  const row = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { name: true, expiresAt: true } });
  if (!row || row.expiresAt.getTime() <= nowMs) return null;
  return row;
}

export async function deleteSession(token: string | null): Promise<void> {
  if (!token || !isTokenShape(token)) return;
  const { prisma } = await getDb();
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
