/**
 * mightHoldSecret may only rule out text that the full rules leave alone. Checked two ways: every
 * line of every corpus file, and lines written to hit each rule in the spellings the rules accept.
 */
import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import { JsonRedactor } from './json-redactor';
import { mightHoldSecret } from './might-hold-secret';
import { redactText } from './redact-text';

/** What the stream redactor did to a line before the prescreen existed. */
function fullRules(line: string): string {
  const start = line.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return redactText(line, {});
  const json = new JsonRedactor({});
  const redacted = json.write(line);
  return json.wellFormed ? redacted + json.end() : redactText(redacted + json.end(), {});
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

const SECRET_LINES = [
  'level=info password=hunter2',
  'level=info PASSWD=hunter2',
  'level=info pwd=hunter2',
  'level=info passphrase=hunter2',
  'level=info client_secret=s1',
  'level=info accessToken=t1',
  'level=info authorization="Basic dXNlcjpwYXNz"',
  'level=info session_cookie=c1',
  'level=info api_key=k1',
  'level=info apiKey=k1',
  'level=info APIKey=k1',
  'level=info api-key=k1',
  'level=info api.key=k1',
  'level=info apikey=k1',
  'level=info aws_access_key_id=AKIA1',
  'level=info privateKey=pk',
  'calling with Bearer abcdefgh1234',
  `calling with ${JWT}`,
  '{"msg":"x","password":"pw1"}',
  '{"msg":"x","p\\u0061ssword":"pw1"}',
  '{"msg":"x","TO\u212aEN":"t1"}',
  '{"msg":"x","apİ_key":"k1"}',
  '{"msg":"x","api key":"k1"}',
  '{"msg":"x","creds":{"token":{"value":"t1"}}}',
  '{"headers":[{"name":"X-Session-Id","value":"s1"}]}',
  '{"request":{"queryString":[{"name":"sid","value":"s1"}]}}',
  '{"request":{"params":[{"name":"sig","value":"s1"}]}}',
  '{"url":"https://shop.example/cart?session=s1&page=2"}',
  '{"cookies":[{"name":"a","value":"c1"}]}',
  '{"attributes":[{"key":"db.password","value":{"stringValue":"pw1"}}]}',
  '{"msg":"upstream said password=hunter2"}',
];

describe('mightHoldSecret', () => {
  it.each(SECRET_LINES)('flags a line the rules redact: %s', (line) => {
    expect(fullRules(line)).not.toBe(line);
    expect(mightHoldSecret(line)).toBe(true);
  });

  it('passes ordinary log lines', () => {
    for (const line of [
      '{"ts":"2026-11-20T10:00:00.001Z","level":"info","service":"cart-api","request_id":"req-1","msg":"cache miss for item","item_id":6247}',
      'ts=2026-11-20T10:00:00Z level=info msg="order placed" order_id=o-1 attempt=2',
      '2026-11-20T10:00:00Z INFO cart-api GET /items/42 200 12ms',
    ]) {
      expect(mightHoldSecret(line)).toBe(false);
    }
  });

  // The property the stream redactor relies on, over real third-party files.
  it('rules out only lines the full rules leave unchanged, over every corpus line', () => {
    let ruledOut = 0;
    for (const file of ['har', 'jaeger', 'otlp', 'zipkin', 'logs', 'correlated/nezha-trainticket-2023-01-29', 'correlated/nezha-onlineboutique-2022-08-22'].flatMap((dir) => listCorpusDir(dir))) {
      for (const line of readCorpusText(file).split('\n')) {
        if (mightHoldSecret(line)) continue;
        ruledOut++;
        expect(fullRules(line), `${file}: ${line.slice(0, 200)}`).toBe(line);
      }
    }
    expect(ruledOut).toBeGreaterThan(1000);
  });
});
