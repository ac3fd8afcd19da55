/**
 * Share links: created, listed and revoked per incident; resolved from a token when a shared
 * page or API call arrives. The token exists only in the creator's answer and in the link:
 * the row keeps its SHA-256, so listing links can never show one again.
 */
import type { CreatedShareDto, CreateShareBody, ShareDto, ShareScope, ShareStatus } from '@/lib/schemas/share';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { newId } from '../ids';
import { hashToken, isTokenShape, newToken } from './tokens';

const SHARE_SELECT = {
  id: true,
  incidentId: true,
  scope: true,
  label: true,
  createdBy: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

interface ShareRow {
  id: string;
  incidentId: string;
  scope: string;
  label: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function statusOf(row: ShareRow, nowMs: number): ShareStatus {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= nowMs) return 'expired';
  return 'active';
}

function scopeOf(value: string): ShareScope {
  return value === 'postmortem' ? 'postmortem' : 'investigation';
}

function toShareDto(row: ShareRow, nowMs: number): ShareDto {
  return {
    id: row.id,
    incidentId: row.incidentId,
    scope: scopeOf(row.scope),
    label: row.label,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: statusOf(row, nowMs),
  };
}

async function requireIncident(incidentId: string): Promise<void> {
  const { prisma } = await getDb();
  const incident = await prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new NotFoundError('incident', incidentId);
}

export async function createShareLink(
  incidentId: string,
  body: Pick<CreateShareBody, 'scope' | 'label' | 'expiresInHours'>,
  createdBy: string,
  nowMs = Date.now(),
): Promise<CreatedShareDto> {
  await requireIncident(incidentId);
  const { prisma } = await getDb();
  const token = newToken();
  const row = await prisma.shareLink.create({
    data: {
      id: newId(),
      incidentId,
      scope: body.scope,
      tokenHash: hashToken(token),
      label: body.label,
      createdBy,
      createdAt: new Date(nowMs),
      expiresAt: body.expiresInHours != null ? new Date(nowMs + body.expiresInHours * 3_600_000) : null,
    },
    select: SHARE_SELECT,
  });
  return { ...toShareDto(row, nowMs), token, path: `/share/${token}` };
}

/** Newest first, revoked and expired ones included (the panel shows their status). */
export async function listShareLinks(incidentId: string, nowMs = Date.now()): Promise<ShareDto[]> {
  await requireIncident(incidentId);
  const { prisma } = await getDb();
  const rows = await prisma.shareLink.findMany({ where: { incidentId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: SHARE_SELECT });
  return rows.map((row) => toShareDto(row, nowMs));
}

/** Revokes one of this incident's links; revoking again keeps the first time. */
export async function revokeShareLink(incidentId: string, shareId: string, nowMs = Date.now()): Promise<ShareDto> {
  const { prisma } = await getDb();
  const row = await prisma.shareLink.findFirst({ where: { id: shareId, incidentId }, select: SHARE_SELECT });
  if (!row) throw new NotFoundError('share link', shareId);
  if (row.revokedAt) return toShareDto(row, nowMs);
  const updated = await prisma.shareLink.update({ where: { id: shareId }, data: { revokedAt: new Date(nowMs) }, select: SHARE_SELECT });
  return toShareDto(updated, nowMs);
}

export interface ActiveShare {
  shareId: string;
  incidentId: string;
  scope: ShareScope;
  label: string;
  expiresAt: Date | null;
}

/** The link a token opens, or null when it is malformed, unknown, revoked or expired (one answer for all). */
export async function findActiveShare(token: string, nowMs = Date.now()): Promise<ActiveShare | null> {
  if (!isTokenShape(token)) return null;
  const { prisma } = await getDb();
  const row = await prisma.shareLink.findUnique({ where: { tokenHash: hashToken(token) }, select: SHARE_SELECT });
  if (!row || statusOf(row, nowMs) !== 'active') return null;
  return { shareId: row.id, incidentId: row.incidentId, scope: scopeOf(row.scope), label: row.label, expiresAt: row.expiresAt };
}
