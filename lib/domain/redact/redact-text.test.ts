import { describe, expect, it } from 'vitest';
import type { RedactionCounts } from './redaction-counts';
import { redactText } from './redact-text';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

function redact(text: string): { text: string; counts: RedactionCounts } {
  const counts: RedactionCounts = {};
  return { text: redactText(text, counts), counts };
}

describe('redactText', () => {
  it('replaces key=value and key: value secrets, keeping the key and any quotes', () => {
    expect(redact('login user=bob password=hunter2 ok')).toEqual({ text: 'login user=bob password=[REDACTED] ok', counts: { field: 1 } });
    expect(redact('db password: "s3 cr3t" retry=2').text).toBe('db password: "[REDACTED]" retry=2');
    expect(redact("api_key='abc123'").text).toBe("api_key='[REDACTED]'");
    expect(redact('{"client_secret":"xyz","id":7}').text).toBe('{"client_secret":"[REDACTED]","id":7}');
  });

  it('redacts secret query parameters inside a URL and leaves the others', () => {
    expect(redact('GET /cb?code=1&access_token=abc.def&state=x HTTP/1.1').text).toBe('GET /cb?code=1&access_token=[REDACTED]&state=x HTTP/1.1');
  });

  it('takes an authorization scheme with its token as one field', () => {
    expect(redact('Authorization: Bearer abcdef123456')).toEqual({ text: 'Authorization: [REDACTED]', counts: { field: 1 } });
    expect(redact('proxy Authorization=Basic dXNlcjpwYXNz;').text).toBe('proxy Authorization=[REDACTED];');
  });

  it('finds bearer tokens and JWTs anywhere', () => {
    expect(redact('calling upstream with bearer abcdefgh12345678 now')).toEqual({ text: 'calling upstream with bearer [REDACTED] now', counts: { bearer: 1 } });
    expect(redact(`session ${JWT} expired`)).toEqual({ text: 'session [REDACTED] expired', counts: { jwt: 1 } });
  });

  it('leaves text without secrets, placeholders and empty values alone', () => {
    for (const text of ['GET /items?page=2 200', 'max_tokens=512 token_count=3', 'WHERE oauth_token = ?', 'password=""', 'token: null', 'the bearer of news', 'time 12:30:45']) {
      expect(redact(text)).toEqual({ text, counts: {} });
    }
  });

  it('is idempotent: redacted text has nothing more to redact', () => {
    const once = redact(`password=x token="y" Authorization: Bearer abcdefgh1234 ${JWT}`).text;
    expect(redact(once)).toEqual({ text: once, counts: {} });
  });
});
