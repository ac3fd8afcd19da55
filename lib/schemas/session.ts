/**
 * Sign-in at the API boundary (issue 5), when WITNESS_ACCESS_PASSWORD is set.
 *
 *   GET    /api/session   -> SessionDto (who am I; whether sign-in is configured)
 *   POST   /api/session   signInBodySchema -> 201 SessionDto, sets the `witness_session` cookie
 *   DELETE /api/session   -> SessionDto (signed out), clears the cookie
 */
import { z } from 'zod';

export const signInBodySchema = z.object({
  name: z.string().trim().min(1, 'your name is required').max(100, 'name is at most 100 characters'),
  password: z.string().min(1, 'the password is required').max(1000),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

export const sessionDtoSchema = z.object({
  /** Whether this server requires sign-in at all. */
  accessConfigured: z.boolean(),
  /** The signed-in name, or null (not signed in, or an open workspace). */
  name: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type SessionDto = z.infer<typeof sessionDtoSchema>;
