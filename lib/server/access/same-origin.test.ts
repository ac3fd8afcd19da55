import { describe, expect, it } from 'vitest';
import { checkSameOrigin, isMutation, requestOrigin } from './same-origin';

const URL_ = 'http://witness.test:3000/api/incidents';

function req(method: string, headers: Record<string, string> = {}, url = URL_): Request {
  return new Request(url, { method, headers });
}

describe('requestOrigin', () => {
  it('is the request URL, or the Host header, or the forwarded host and scheme', () => {
    expect(requestOrigin(req('POST'))).toBe('http://witness.test:3000');
    expect(requestOrigin(req('POST', { host: 'Other.Test' }))).toBe('http://other.test');
    expect(requestOrigin(req('POST', { host: 'internal:3000', 'x-forwarded-host': 'witness.example.com, proxy', 'x-forwarded-proto': 'https' }))).toBe('https://witness.example.com');
  });
});

describe('checkSameOrigin', () => {
  it('lets reads through whatever they claim', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(isMutation(method)).toBe(false);
      expect(checkSameOrigin(req(method, { origin: 'http://evil.test' }), true).ok).toBe(true);
    }
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(isMutation(method)).toBe(true);
  });

  it('accepts a mutation from its own origin (Origin, or Referer lacking it)', () => {
    expect(checkSameOrigin(req('POST', { origin: 'http://witness.test:3000' }), true)).toEqual({ ok: true });
    expect(checkSameOrigin(req('DELETE', { referer: 'http://witness.test:3000/incidents/abc?view=timeline' }), true)).toEqual({ ok: true });
    expect(checkSameOrigin(req('PUT', { origin: 'HTTP://WITNESS.TEST:3000' }), true)).toEqual({ ok: true });
  });

  it('refuses another origin: host, port or scheme differing, an opaque origin, a cross-site fetch', () => {
    const refused: Record<string, string>[] = [
      { origin: 'http://evil.test' },
      { origin: 'http://witness.test' },
      { origin: 'https://witness.test:3000' },
      { origin: 'http://sub.witness.test:3000' },
      { origin: 'null' },
      { referer: 'http://evil.test/witness.test:3000' },
      { origin: 'http://witness.test:3000', 'sec-fetch-site': 'cross-site' },
      // Origin wins over Referer: a page cannot launder its origin through a same-origin Referer.
      { origin: 'http://evil.test', referer: 'http://witness.test:3000/' },
    ];
    for (const headers of refused) {
      const verdict = checkSameOrigin(req('POST', headers), false);
      expect({ headers, ok: verdict.ok }).toEqual({ headers, ok: false });
    }
    const verdict = checkSameOrigin(req('POST', { origin: 'http://evil.test' }), true);
    expect(verdict.ok ? '' : verdict.reason).toContain('http://evil.test');
  });

  it('with sign-in configured, refuses a mutation naming no origin; open, lets it through', () => {
    expect(checkSameOrigin(req('POST'), true).ok).toBe(false);
    expect(checkSameOrigin(req('POST'), false).ok).toBe(true);
    expect(checkSameOrigin(req('POST', { referer: 'not a url' }), false).ok).toBe(false);
  });
});
