import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import type { RedactionCounts } from './redaction-counts';
import { findTextSecretWord, redactText } from './redact-text';
import { isSecretField } from './secret-names';

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
    // A full URL: its scheme is not a `name: value` that hides the query.
    expect(redact('calling https://api.example/v1/items?token=t1&page=2 now')).toEqual({ text: 'calling https://api.example/v1/items?token=[REDACTED]&page=2 now', counts: { field: 1 } });
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

describe('findTextSecretWord', () => {
  /** Texts the patterns change, in the spellings they accept. */
  const CHANGED = [
    'password=hunter2',
    'PASSWD=x',
    'pwd: y',
    'passphrase=z',
    'client_secret=s1',
    'accessToken=t1',
    'authorization="Basic dXNlcjpwYXNz"',
    'session_cookie=c1',
    'api_key=k1',
    'apiKey=k1',
    'APIKey=k1',
    'api-key=k1',
    'api.key=k1',
    'aws_access_key_id=AKIA1',
    'privateKey=pk',
    '{"client_secret":"xyz"}',
    'calling with Bearer abcdefgh1234',
    `token ${JWT}`,
    `id ${JWT}`,
  ];

  it.each(CHANGED)('finds a word in text the patterns change, as a JSON string literal: %s', (text) => {
    expect(redactText(text, {})).not.toBe(text);
    const literal = JSON.stringify(text);
    expect(findTextSecretWord(literal, 0)).toBeGreaterThanOrEqual(0);
    // A \u escape could spell any word: it counts as one.
    expect(findTextSecretWord(`"${text.replace(/[a-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}"`, 0)).toBeGreaterThanOrEqual(0);
  });

  it.each(['password', 'passwd', 'pwd', 'db.password', 'access_token', 'refreshToken', 'api_key', 'apikey', 'X-Api-Key', 'APIKey', 'access_key', 'privateKey', 'client_secret', 'Authorization', 'Set-Cookie', 'AWS_SECRET_ACCESS_KEY', 'ap\u0130_key', 'ap\u0130Key', 'to\u212aen'])(
    'finds a word in the secret field name %s, as a JSON key',
    (name) => {
      expect(isSecretField(name)).toBe(true);
      expect(findTextSecretWord(JSON.stringify(name), 0)).toBeGreaterThanOrEqual(0);
    },
  );

  it('says where the first word at or after a position starts, and -1 when there is none', () => {
    expect(findTextSecretWord('"a" "my token" "x"', 0)).toBe(8);
    expect(findTextSecretWord('"a" "my token" "x"', 9)).toBe(-1);
    expect(findTextSecretWord('"item_id\\":1,\\"name\\":\\"item 1\\"', 0)).toBe(-1);
  });

  it('never misses a value of a corpus document that the patterns change', () => {
    let changed = 0;
    const visit = (value: unknown): void => {
      if (typeof value === 'string') {
        if (redactText(value, {}) === value) return;
        changed++;
        expect(findTextSecretWord(JSON.stringify(value), 0), value.slice(0, 200)).toBeGreaterThanOrEqual(0);
      } else if (value !== null && typeof value === 'object') {
        for (const v of Object.values(value)) visit(v);
      }
    };
    for (const file of ['har', 'jaeger', 'zipkin'].flatMap((dir) => listCorpusDir(dir))) {
      visit(JSON.parse(readCorpusText(file).replace(/^\ufeff/, '')));
    }
    expect(changed).toBeGreaterThan(0);
  });
});
