/**
 * Whole files through the stream redactor: hand-written line formats, and the corpus HAR that
 * carries real cookies and cookie headers (har/timed_out.har, see the corpus MANIFEST): its
 * secrets are gone, and the redacted text parses to the same events as the original.
 */
import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import { parseText } from '../parse';
import { JsonRedactor } from './json-redactor';
import { createStreamRedactor } from './stream-redactor';
import { DETECT_HEAD_CHARS } from '../parse';
import { totalRedactions } from './redaction-counts';

function redactAll(text: string, chunk = 65_536): { text: string; counts: Record<string, number> } {
  const redactor = createStreamRedactor();
  let out = '';
  for (let i = 0; i < text.length; i += chunk) out += redactor.write(text.slice(i, i + chunk));
  out += redactor.end();
  return { text: out, counts: { ...redactor.counts } };
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('createStreamRedactor', () => {
  it('redacts JSON lines structurally and text lines by pattern, keeping every line end', () => {
    const text = [
      '{"ts":"2024-05-01T10:00:00Z","msg":"login","password":"pw1","headers":{"Authorization":"Bearer abcdefgh1234"}}',
      '# a comment with token=tk1',
      `[INFO] 2024-05-01T10:00:01Z calling with ${JWT}`,
      '[WARN] 2024-05-01T10:00:01Z retry password=hunter2',
      '{"ts":"2024-05-01T10:00:02Z","msg":"ok","user":"bob"}',
      '',
    ].join('\r\n');
    const { text: out, counts } = redactAll(text, 5);
    expect(out).toBe(
      [
        '{"ts":"2024-05-01T10:00:00Z","msg":"login","password":"[REDACTED]","headers":{"Authorization":"[REDACTED]"}}',
        '# a comment with token=[REDACTED]',
        '[INFO] 2024-05-01T10:00:01Z calling with [REDACTED]',
        '[WARN] 2024-05-01T10:00:01Z retry password=[REDACTED]',
        '{"ts":"2024-05-01T10:00:02Z","msg":"ok","user":"bob"}',
        '',
      ].join('\r\n'),
    );
    expect(counts).toEqual({ field: 4, jwt: 1 });
  });

  it('redacts logfmt values and keeps the event count', () => {
    const text = 'ts=2024-05-01T10:00:00Z level=info msg="auth ok" api_key=k1 user=bob\nts=2024-05-01T10:00:01Z level=warn client_secret="s e c" retry=1\n';
    const { text: out, counts } = redactAll(text);
    expect(out).toBe('ts=2024-05-01T10:00:00Z level=info msg="auth ok" api_key=[REDACTED] user=bob\nts=2024-05-01T10:00:01Z level=warn client_secret="[REDACTED]" retry=1\n');
    expect(counts).toEqual({ field: 2 });
    expect(parseText(out, 'app.log').events).toHaveLength(parseText(text, 'app.log').events.length);
  });

  it('gives the same output however the text is cut, with secrets in lines held across pieces and in the lines after them', () => {
    // Past the detection head, so that the pieces reach the line mode one by one.
    const plain = '{"ts":"2024-05-01T10:00:00Z","msg":"plain line without anything"}';
    const head = Array.from({ length: Math.ceil(DETECT_HEAD_CHARS / plain.length) + 1 }, () => plain);
    // Lines longer than a decode piece, one with a secret and one without, are held over several
    // pieces and end through the path that passes them on as one slice (LONG_HELD_LINE); the
    // short ones are joined as before.
    const long = `{"ts":"2024-05-01T10:00:00Z","msg":"${'x'.repeat(70_000)}","password":"pw2"}`;
    const lines = [
      '{"ts":"2024-05-01T10:00:01Z","msg":"login","password":"pw1"}',
      long,
      'ts=2024-05-01T10:00:02Z level=info api_key=k1 user=bob',
      plain,
      `[INFO] a token in text ${JWT}`,
      'short',
      `{"ts":"2024-05-01T10:00:03Z","msg":"${'y'.repeat(66_000)}"}`,
    ];
    const text = [...head, ...lines, ...lines, ...lines, ''].join('\n');
    const whole = redactAll(text, text.length);
    for (const secret of ['pw1', 'pw2', 'k1 ', JWT]) expect(whole.text).not.toContain(secret);
    expect(whole.counts).toEqual({ field: 9, jwt: 3 });
    // Pieces that end a held line and carry zero, one or several whole lines after it.
    for (const chunk of [13, 101, 4093, 65_536, 70_001, 70_150, 100_003, 150_001]) expect(redactAll(text, chunk)).toEqual(whole);
  });

  it('passes text without secrets through unchanged', () => {
    const text = '2024-05-01T10:00:00Z INFO started\n2024-05-01T10:00:01Z INFO GET /items?page=2 200\n';
    expect(redactAll(text, 3)).toEqual({ text, counts: {} });
  });

  it('removes the real cookies and cookie headers of a corpus HAR, and it parses to the same events', () => {
    const original = readCorpusText('har/timed_out.har');
    // Values the file really carries: a Cookie header's session id, a Set-Cookie value, a cookie of a `cookies` list.
    const secrets = ['YAieF18TdLas-8SKhGKNYvnieZbB1wJ1jf2tW44mAWYKcppPKLvK_Ok7NklKqsURxU82bg.', 'APoG2W-iL6dajbHxaPpDCCKGK_haMI_yLIk0HS3stRfrpNpVYNksjwy0MVEUqi_Q7us9qg4V4j0', 'AOiDlkphfGSlvWKsu'];
    for (const secret of secrets) expect(original).toContain(secret);
    const { text, counts } = redactAll(original);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(counts.cookie).toBeGreaterThan(0);
    expect(counts.header).toBeGreaterThan(0);
    expect(totalRedactions(counts)).toBeGreaterThan(100);

    const before = parseText(original, 'timed_out.har');
    const after = parseText(text, 'timed_out.har');
    expect(after.format).toBe('har');
    expect(after.events).toHaveLength(before.events.length);
    expect(after.events.map((e) => [e.unparsed, e.ts, e.name, e.status, e.ids])).toEqual(before.events.map((e) => [e.unparsed, e.ts, e.name, e.status, e.ids]));
    // The same output whatever the chunking.
    expect(redactAll(original, 4093).text).toBe(text);
  });

  it('redacts an OTLP file of one request per line line by line, exactly as the whole-text pass would', () => {
    const span = (i: number, attributes: string) =>
      `{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"${(0x1000 + i).toString(16).padStart(16, '0')}","name":"GET /items","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000100000000","attributes":[${attributes}]}`;
    const request = (spans: string[]) => `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}}]},"scopeSpans":[{"spans":[${spans.join(',')}]}]}]}`;
    const plain = '{"key":"http.route","value":{"stringValue":"/items/:id"}}';
    // A first line longer than the detection head: the mode is chosen once it is complete.
    const long = request(Array.from({ length: 600 }, (_, i) => span(i, plain)));
    const secrets = request([
      span(1, '{"key":"db.password","value":{"stringValue":"pw1"}}'),
      span(2, `{"key":"http.url","value":{"stringValue":"https://x.example/a?token=t1&page=2"}},{"key":"note","value":{"stringValue":"sent ${JWT}"}}`),
    ]);
    const text = [long, secrets, request([span(3, plain)]), ''].join('\n');
    expect(long.length).toBeGreaterThan(65_536);
    const wholeCounts = {};
    const whole = new JsonRedactor(wholeCounts);
    const expected = whole.write(text) + whole.end();
    for (const secret of ['pw1', 't1&', JWT]) expect(expected).not.toContain(secret);
    for (const chunk of [7, 4096, 65_536, 1 << 20]) {
      const { text: out, counts } = redactAll(text, chunk);
      expect(out).toBe(expected);
      expect(counts).toEqual(wholeCounts);
    }
  });

  // Nothing valid may be lost: every corpus file redacts to text that parses to the same events.
  it.each(['har', 'jaeger', 'otlp', 'zipkin', 'logs'].flatMap((dir) => listCorpusDir(dir)))('%s parses to the same events after redaction', (file) => {
    const original = readCorpusText(file);
    const name = file.split('/').pop() as string;
    const before = parseText(original, name);
    const after = parseText(redactAll(original).text, name);
    expect(after.format).toBe(before.format);
    expect(after.events.map((e) => [e.unparsed, e.ts, e.name, e.ids])).toEqual(before.events.map((e) => [e.unparsed, e.ts, e.name, e.ids]));
  });
});
