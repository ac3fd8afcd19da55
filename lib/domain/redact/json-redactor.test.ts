import { describe, expect, it } from 'vitest';
import { JsonRedactor } from './json-redactor';
import type { RedactionCounts } from './redaction-counts';

function redact(text: string, chunk = text.length): { text: string; counts: RedactionCounts } {
  const counts: RedactionCounts = {};
  const redactor = new JsonRedactor(counts);
  let out = '';
  for (let i = 0; i < text.length; i += chunk) out += redactor.write(text.slice(i, i + chunk));
  return { text: out + redactor.end(), counts };
}

const HAR_ENTRY = JSON.stringify(
  {
    request: {
      method: 'POST',
      url: 'https://api.test/login?session=s1&page=2',
      headers: [
        { name: 'Authorization', value: 'Bearer abcdefgh12345678' },
        { value: 'k-123', name: 'X-Api-Key' },
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Forwarded-For', value: 'token=leak1' },
      ],
      cookies: [
        { name: 'sid', value: 'c-1', path: '/' },
        { name: 'theme', value: 'dark' },
        { name: 'empty', value: '' },
      ],
      queryString: [
        { name: 'session', value: 's1' },
        { name: 'page', value: '2' },
      ],
      postData: { mimeType: 'application/x-www-form-urlencoded', text: 'user=bob&password=pw1', params: [{ name: 'password', value: 'pw1' }, { name: 'user', value: 'bob' }] },
    },
    response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'sid=c-2; HttpOnly' }], cookies: [{ name: 'sid', value: 'c-2' }], content: { text: '{"access_token":"at-1","expires_in":3600}' } },
  },
  null,
  2,
);
const SECRETS = ['abcdefgh12345678', 'k-123', 'leak1', 'c-1', 'dark', 's1', 'pw1', 'c-2', 'at-1'];

describe('JsonRedactor', () => {
  it('redacts HAR headers, cookies, parameters and secrets inside strings, keeping names and structure', () => {
    const { text, counts } = redact(`{"log":{"entries":[${HAR_ENTRY}]}}`);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const entry = (JSON.parse(text) as { log: { entries: [Record<string, Record<string, unknown>>] } }).log.entries[0];
    const request = entry.request as { headers: { name: string; value: string }[]; url: string; postData: { text: string } };
    expect(request.headers).toEqual([
      { name: 'Authorization', value: '[REDACTED]' },
      { value: '[REDACTED]', name: 'X-Api-Key' },
      { name: 'Accept', value: 'application/json' },
      { name: 'X-Forwarded-For', value: 'token=[REDACTED]' },
    ]);
    expect(request.url).toBe('https://api.test/login?session=[REDACTED]&page=2');
    expect(request.postData.text).toBe('user=bob&password=[REDACTED]');
    expect(entry.request?.cookies).toEqual([
      { name: 'sid', value: '[REDACTED]', path: '/' },
      { name: 'theme', value: '[REDACTED]' },
      { name: 'empty', value: '' },
    ]);
    expect(counts).toEqual({ header: 3, cookie: 3, param: 3, field: 3 });
  });

  it('gives the same output for any chunking', () => {
    const text = `{"log":{"entries":[${HAR_ENTRY}]}}`;
    const whole = redact(text);
    for (const chunk of [1, 2, 3, 7, 64]) expect(redact(text, chunk)).toEqual(whole);
  });

  it('changes only the redacted values: the rest of the text stays byte for byte', () => {
    const text = '{ "a" : 1,\n  "password": "x\\"y",  "nested": {"api_key": 42, "ok": true, "token": null}, "list": [1, "two"] }';
    expect(redact(text)).toEqual({
      text: '{ "a" : 1,\n  "password": "[REDACTED]",  "nested": {"api_key": "[REDACTED]", "ok": true, "token": null}, "list": [1, "two"] }',
      counts: { field: 2 },
    });
  });

  it('redacts OTLP attributes and Jaeger tags by their key, keeping the value objects', () => {
    const otlp = '{"attributes":[{"key":"http.request.header.authorization","value":{"stringValue":"Basic dXNlcjpwYXNz"}},{"key":"db.password","value":{"intValue":"1234"}},{"key":"http.route","value":{"stringValue":"/login"}}]}';
    expect(redact(otlp)).toEqual({
      text: '{"attributes":[{"key":"http.request.header.authorization","value":{"stringValue":"[REDACTED]"}},{"key":"db.password","value":{"intValue":"[REDACTED]"}},{"key":"http.route","value":{"stringValue":"/login"}}]}',
      counts: { field: 2 },
    });
    const jaeger = '{"tags":[{"value":"s3cr3t","type":"string","key":"client_secret"},{"key":"retries","type":"int64","value":3},{"key":"api_key","type":"int64","value":42}]}';
    expect(redact(jaeger).text).toBe('{"tags":[{"value":"[REDACTED]","type":"string","key":"client_secret"},{"key":"retries","type":"int64","value":3},{"key":"api_key","type":"int64","value":"[REDACTED]"}]}');
  });

  it('redacts every scalar inside a secret-named container', () => {
    expect(redact('{"credentials":1,"secret":{"a":"x","b":[1,"y"]}}').text).toBe('{"credentials":1,"secret":{"a":"[REDACTED]","b":["[REDACTED]","[REDACTED]"]}}');
  });

  it('leaves a truncated document truncated, with the secret of its last open element gone', () => {
    const { text, counts } = redact('{"log":{"entries":[{"request":{"headers":[{"name":"Cookie","value":"sid=abc');
    expect(text).not.toContain('abc');
    expect(text.startsWith('{"log":{"entries":[{"request":{"headers":[{"name":"Cookie","value":')).toBe(true);
    expect(counts).toEqual({ header: 1 });
  });

  it('counts the secret of a field whose string the end of the input cut off', () => {
    // Counted as every replacement is: ingest knows the text changed by the counts.
    expect(redact('{"msg":"ok","password":"hunter2')).toEqual({ text: '{"msg":"ok","password":"[REDACTED]', counts: { field: 1 } });
  });

  it('redacts an element and a string cut by a chunk boundary anywhere, as when whole', () => {
    const text = '{"headers":[{"name":"Accept","value":"a/b"},{"value":"Bearer abcdefgh12345678","name":"Authorization"}],"msg":"x token=t1 y"}';
    const expected = '{"headers":[{"name":"Accept","value":"a/b"},{"value":"[REDACTED]","name":"Authorization"}],"msg":"x token=[REDACTED] y"}';
    for (let cut = 0; cut <= text.length; cut++) {
      const counts: RedactionCounts = {};
      const redactor = new JsonRedactor(counts);
      const out = redactor.write(text.slice(0, cut)) + redactor.write(text.slice(cut)) + redactor.end();
      expect(out, `cut at ${cut}`).toBe(expected);
      expect(counts).toEqual({ header: 1, field: 1 });
    }
  });

  it('reads keys and words spelled with escapes', () => {
    expect(redact('{"p\\u0061ssword":"x","msg":"\\u0074oken=abc","note":"a\\"b"}').text).toBe('{"p\\u0061ssword":"[REDACTED]","msg":"token=[REDACTED]","note":"a\\"b"}');
  });

  it('passes text with nothing to redact through unchanged, in any chunking', () => {
    const text = `{"log":{"entries":[${'{"request":{"url":"https://a.test/x?page=2","headers":[{"name":"Accept","value":"*/*"}]},"response":{"content":{"text":"{\\"item_id\\":1}"}},"time":1.5},'.repeat(20)}{}]}}`;
    for (const chunk of [1, 5, 64, text.length]) expect(redact(text, chunk)).toEqual({ text, counts: {} });
  });
});

