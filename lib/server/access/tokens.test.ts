import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, isTokenShape, newToken, passwordMatches, TOKEN_BYTES } from './tokens';

describe('tokens', () => {
  it('are 32 random bytes as unpadded base64url (256 bits, URL-safe)', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(TOKEN_BYTES);
    expect(isTokenShape(token)).toBe(true);
  });

  it('do not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, newToken));
    expect(seen.size).toBe(1000);
  });

  it('hash to the hex SHA-256 of their text, which is never the token', () => {
    const token = newToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it('reject anything but the exact shape (a path, padding, a short or long value)', () => {
    for (const bad of ['', 'abc', `${newToken()}=`, `${newToken()}A`, `../${newToken().slice(3)}`, `${newToken().slice(1)}/`]) {
      expect(isTokenShape(bad)).toBe(false);
    }
  });
});

describe('passwordMatches', () => {
  it('accepts only the exact password, whatever the lengths', () => {
    expect(passwordMatches('s3cret', 's3cret')).toBe(true);
    expect(passwordMatches('s3cret ', 's3cret')).toBe(false);
    expect(passwordMatches('', 's3cret')).toBe(false);
    expect(passwordMatches('S3cret', 's3cret')).toBe(false);
    expect(passwordMatches('a'.repeat(10_000), 's3cret')).toBe(false);
  });
});
