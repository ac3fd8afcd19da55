/**
 * Bearer secrets (session cookies, share links): 32 random bytes as base64url (256 bits, 43
 * characters, URL-safe without escaping). Only their SHA-256 is stored, so a copy of the
 * database or a backup hands out no working link or session.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_BYTES = 32;
/** base64url of 32 bytes without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function isTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** Hex SHA-256: what the database keeps and looks tokens up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares a typed password with the configured one in time independent of where they differ
 * (and of their lengths: both are hashed to 32 bytes first, as timingSafeEqual needs equal sizes).
 */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
