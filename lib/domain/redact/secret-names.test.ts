import { describe, expect, it } from 'vitest';
import { isSecretField, isSecretHeader, isSecretParam, nameWords } from './secret-names';

describe('secret names', () => {
  it('splits names into words', () => {
    expect(nameWords('clientSecret')).toEqual(['client', 'secret']);
    expect(nameWords('X-Api-Key')).toEqual(['x', 'api', 'key']);
    expect(nameWords('AWS_SECRET_ACCESS_KEY')).toEqual(['aws', 'secret', 'access', 'key']);
    expect(nameWords('HTTPAuthToken')).toEqual(['http', 'auth', 'token']);
  });

  it.each(['password', 'passwd', 'pwd', 'db.password', 'access_token', 'refreshToken', 'api_key', 'apikey', 'api-key', 'X-Api-Key', 'access_key', 'private_key', 'privateKey', 'client_secret', 'Authorization', 'cookie', 'Set-Cookie', 'AWS_SECRET_ACCESS_KEY'])(
    'field %s is secret',
    (name) => expect(isSecretField(name)).toBe(true),
  );

  it.each(['max_tokens', 'tokenizer', 'token_count', 'token_type', 'password_hint', 'cookie_name', 'user', 'request_id', 'key', 'session', 'auth', 'monkey'])('field %s is not', (name) =>
    expect(isSecretField(name)).toBe(false),
  );

  it.each(['Authorization', 'Proxy-Authorization', 'Cookie', 'set-cookie', 'X-Api-Key', 'X-Auth-Token', 'X-CSRF-Token', 'X-XSRF-TOKEN', 'X-Amz-Security-Token', 'X-Session-Id'])('header %s is secret', (name) =>
    expect(isSecretHeader(name)).toBe(true),
  );

  it.each(['Content-Type', 'X-Request-Id', 'traceparent', 'WWW-Authenticate', 'Idempotency-Key', 'Accept'])('header %s is not', (name) => expect(isSecretHeader(name)).toBe(false));

  it.each(['token', 'access_token', 'password', 'passwd', 'apikey', 'api_key', 'access_key', 'session', 'sessionId', 'auth', 'client_secret', 'key'])('parameter %s is secret', (name) =>
    expect(isSecretParam(name)).toBe(true),
  );

  it.each(['q', 'page', 'hl', 'monkey', 'author'])('parameter %s is not', (name) => expect(isSecretParam(name)).toBe(false));
});
