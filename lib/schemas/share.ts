/**
 * Share links at the API boundary (issue 5): a read-only link to one incident's postmortem or
 * its whole investigation.
 *
 *   POST   /api/incidents/{id}/shares             createShareBodySchema -> 201 CreatedShareDto (the token, once)
 *   GET    /api/incidents/{id}/shares             -> { shares: ShareDto[] } (never a token)
 *   DELETE /api/incidents/{id}/shares/{shareId}   -> ShareDto (revoked)
 *
 * A link is `/share/{token}`; its API calls go to `/api/incidents/share~{token}/...`.
 */
import { z } from 'zod';
import { idSchema } from './ids';

export const SHARE_SCOPES = ['postmortem', 'investigation'] as const;
export const shareScopeSchema = z.enum(SHARE_SCOPES);
export type ShareScope = z.infer<typeof shareScopeSchema>;

/** What prefixes a share token where an incident id goes, in page and API paths. */
export const SHARE_ID_PREFIX = 'share~';

export const MAX_SHARE_LABEL = 200;
/** A year: links are for an incident review, not forever; "no expiry" is its own choice. */
export const MAX_SHARE_HOURS = 24 * 366;

export const createShareBodySchema = z.object({
  scope: shareScopeSchema,
  label: z.string().trim().max(MAX_SHARE_LABEL, `label is at most ${MAX_SHARE_LABEL} characters`).default(''),
  /** Hours until the link stops working; null or absent: until revoked. */
  expiresInHours: z.number().positive('expiry must be in the future').max(MAX_SHARE_HOURS, 'expiry is at most a year').nullable().optional(),
  /** Who creates it, in an open workspace (with sign-in the session's name is used). */
  author: z.string().trim().min(1).max(100).optional(),
});
export type CreateShareBody = z.infer<typeof createShareBodySchema>;

export const shareParamsSchema = z.object({ id: idSchema, shareId: idSchema });

export const shareStatusSchema = z.enum(['active', 'expired', 'revoked']);
export type ShareStatus = z.infer<typeof shareStatusSchema>;

export const shareDtoSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  scope: shareScopeSchema,
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: shareStatusSchema,
});
export type ShareDto = z.infer<typeof shareDtoSchema>;

export const shareListDtoSchema = z.object({ shares: z.array(shareDtoSchema) });

/** The answer to a create: the only time the token (and so the link) is ever shown. */
export const createdShareDtoSchema = shareDtoSchema.extend({
  token: z.string(),
  /** The page's path, `/share/{token}`; the browser prefixes its own origin. */
  path: z.string(),
});
export type CreatedShareDto = z.infer<typeof createdShareDtoSchema>;
