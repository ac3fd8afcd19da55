/**
 * The fast JsonRedactor must do exactly what the character-by-character one did
 * (lib/test-support/json-redactor-reference.ts): same output, same counts, same `wellFormed`, for any input cut
 * into chunks anywhere. Checked over every JSON document of the corpus and over generated
 * documents that hit every rule, every escape and the ways a document can be cut or malformed.
 */
import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import { mulberry32 as random } from '../prng';
import { JsonRedactor } from './json-redactor';
import { ReferenceJsonRedactor } from '../../test-support/json-redactor-reference';
import type { RedactionCounts } from './redaction-counts';

interface Redactor {
  write(chunk: string): string;
  end(): string;
  readonly wellFormed: boolean;
}

interface Run {
  text: string;
  counts: RedactionCounts;
  /** wellFormed after the last write, and after end. */
  wellFormed: [boolean, boolean];
}

function run(make: (counts: RedactionCounts) => Redactor, chunks: readonly string[]): Run {
  const counts: RedactionCounts = {};
  const redactor = make(counts);
  let text = '';
  for (const chunk of chunks) text += redactor.write(chunk);
  const beforeEnd = redactor.wellFormed;
  text += redactor.end();
  return { text, counts, wellFormed: [beforeEnd, redactor.wellFormed] };
}

function chunked(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Cuts at random places, empty chunks included. */
function randomChunks(text: string, seed: number, maxSize: number): string[] {
  const next = random(seed);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = Math.floor(next() * maxSize);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

function expectSameAsReference(text: string, chunkings: readonly (readonly string[])[], label: string): void {
  for (const chunks of chunkings) {
    const expected = run((counts) => new ReferenceJsonRedactor(counts), chunks);
    const actual = run((counts) => new JsonRedactor(counts), chunks);
    if (actual.text !== expected.text) {
      let at = 0;
      while (actual.text[at] === expected.text[at]) at++;
      expect(actual.text.slice(Math.max(0, at - 80), at + 80), `${label}, ${chunks.length} chunks: output differs at ${at}`).toBe(expected.text.slice(Math.max(0, at - 80), at + 80));
    }
    expect(actual.counts, `${label}, ${chunks.length} chunks`).toEqual(expected.counts);
    expect(actual.wellFormed, `${label}, ${chunks.length} chunks`).toEqual(expected.wellFormed);
  }
}

const SIZES = [2, 3, 5, 7, 13, 64, 1000, 4093, 65536];

function chunkings(text: string, seed: number): string[][] {
  const all = [[text], ...SIZES.map((size) => chunked(text, size)), randomChunks(text, seed, 40), randomChunks(text, seed + 1, 3000)];
  if (text.length <= 100_000) all.push(chunked(text, 1));
  return all;
}

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

/** Strings that hit a rule, nearly hit one, or are spelled with escapes. */
const STRINGS = [
  '',
  'plain',
  '[REDACTED]',
  'Bearer abcdefgh12345678',
  'the bearer of news',
  `token ${JWT}`,
  'password=hunter2',
  'user=bob&password=pw1',
  'a \\"quoted\\" password: \\"x\\"',
  '{\\"access_token\\":\\"at-1\\",\\"expires_in\\":3600}',
  '{\\"item_id\\":1,\\"name\\":\\"item 1\\"}',
  'p\\u0061ssword=x',
  'to\\u006ben: abc',
  'T\u212aEN=t1',
  'tab\\there\\nnewline token=abc',
  'back\\\\slash \\\\\\" token=q',
  'control\u0001char',
  'https://api.test/login?session=s1&page=2',
  'https://api.test/cb?code=1&access_token=abc.def&state=x',
  '/relative?s%69d=abc',
  'time 12:30:45',
  'ünïcödé api-key: 123',
  'x'.repeat(300) + 'secret=' + 'y'.repeat(300),
];

const KEYS = ['a', 'msg', 'url', 'value', 'name', 'key', 'password', 'api_key', 'token_count', 'secret', 'credentials', 'headers', 'cookies', 'queryString', 'params', 'attributes', 'tags', 'fields', 'stringValue', 'p\\u0061ssword', 'hea\\u0064ers', 'constructor', 'text', 'ap\u0130_key', 'to\u212aen', 'X-Api-Key', 'clientSecret', 'max_tokens'];
const NAMES = ['Authorization', 'Accept', 'X-Api-Key', 'sid', 'session', 'page', 'db.password', 'http.route', 'Cookie', 'api_key', ''];

/** A random JSON-ish document: mostly valid, sometimes with stray tokens and whitespace. */
function generate(seed: number): string {
  const next = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const space = (): string => (next() < 0.2 ? pick([' ', '\n  ', '\t', '\r\n', '\ufeff']) : '');
  const str = (): string => `"${pick(STRINGS)}"`;
  const scalar = (): string => pick([str(), str(), '42', '-1.5e3', '0', 'true', 'false', 'null', '-7']);
  const element = (depth: number): string => {
    const parts: string[] = [];
    const nameKey = next() < 0.5 ? 'name' : 'key';
    const name = `"${nameKey}":"${pick(NAMES)}"`;
    const value = `"value":${next() < 0.2 ? `{"stringValue":${str()}}` : next() < 0.1 ? value2(depth) : scalar()}`;
    parts.push(...(next() < 0.5 ? [name, value] : [value, name]));
    if (next() < 0.3) parts.push(`"path":${str()}`);
    return `{${parts.join(',' + space())}}`;
  };
  const value2 = (depth: number): string => (depth > 4 ? scalar() : next() < 0.5 ? object(depth + 1) : array(depth + 1, null));
  const array = (depth: number, key: string | null): string => {
    const length = Math.floor(next() * 4);
    const items: string[] = [];
    const named = key !== null && ['headers', 'cookies', 'queryString', 'params', 'attributes', 'tags', 'fields'].includes(key);
    for (let i = 0; i < length; i++) items.push(space() + (named && next() < 0.8 ? element(depth) : depth > 4 ? scalar() : next() < 0.3 ? value2(depth) : scalar()) + space());
    return `[${items.join(',')}]`;
  };
  const object = (depth: number): string => {
    const length = Math.floor(next() * 5);
    const members: string[] = [];
    for (let i = 0; i < length; i++) {
      const key = pick(KEYS);
      const value = depth > 4 ? scalar() : next() < 0.3 ? array(depth + 1, key) : next() < 0.2 ? object(depth + 1) : scalar();
      members.push(`${space()}"${key}"${space()}:${space()}${value}`);
    }
    return `{${members.join(',')}}`;
  };
  let text = object(0);
  if (next() < 0.15) {
    // Malformed: a stray word, a missing bracket, or an extra one.
    const at = Math.floor(next() * text.length);
    text = text.slice(0, at) + pick(['oops', '}', ']', '"', ',,', ':', 'tru']) + text.slice(at);
  }
  return text;
}

describe('JsonRedactor against the reference implementation', () => {
  const documents = ['har', 'jaeger', 'otlp', 'zipkin'].flatMap((dir) => listCorpusDir(dir));

  it.each(documents)('gives the same output for corpus %s, chunked at many sizes', (file) => {
    const text = readCorpusText(file);
    expectSameAsReference(text, chunkings(text, text.length), file);
  });

  it('gives the same output for every line of the JSON-lines corpus files', () => {
    for (const file of documents.filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readCorpusText(file).split('\n')) expectSameAsReference(line, [[line], chunked(line, 7)], file);
    }
  });

  it('gives the same output for generated documents that hit every rule', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = generate(seed);
      expectSameAsReference(text, [[text], chunked(text, 1), chunked(text, 3), randomChunks(text, seed, 20)], `seed ${seed}: ${text.slice(0, 300)}`);
    }
  });

  it('gives the same output for documents cut off anywhere (a truncated upload)', () => {
    for (let seed = 1000; seed < 1060; seed++) {
      const text = generate(seed);
      for (let cut = 0; cut <= text.length; cut += 1 + (cut % 5)) {
        const head = text.slice(0, cut);
        expectSameAsReference(head, [[head], chunked(head, 4)], `seed ${seed} cut at ${cut}: ${head.slice(-120)}`);
      }
    }
  });

  it('gives the same output for HAR entries that hold secrets, chunked at many sizes', () => {
    const entry = (i: number): string =>
      JSON.stringify({
        startedDateTime: '2026-11-20T10:00:00.000Z',
        time: i * 1.5,
        request: {
          method: 'POST',
          url: `https://api.test/items/${i}?session=s${i}&page=${i}`,
          headers: [
            { name: 'Authorization', value: `Bearer abcdefgh${i}12345678` },
            { name: 'Accept', value: 'application/json' },
            { value: `k-${i}`, name: 'X-Api-Key' },
            { name: 'X-Forwarded-For', value: `token=leak${i}` },
          ],
          cookies: [{ name: 'sid', value: `c-${i}`, path: '/' }],
          queryString: [{ name: 'session', value: `s${i}` }, { name: 'page', value: String(i) }],
          postData: { mimeType: 'application/json', text: JSON.stringify({ user: 'bob', password: `pw${i}`, note: 'say "hi"\n' }) },
        },
        response: {
          status: 200,
          headers: [{ name: 'Set-Cookie', value: `sid=c-${i}; HttpOnly` }],
          content: { mimeType: 'application/json', text: JSON.stringify({ access_token: `at-${i}`, jwt: JWT, items: [1, 2, 3], label: `item ${i}` }) },
        },
        timings: { send: 0.1, wait: 3, receive: 0.4 },
      });
    const har = `{"log":{"version":"1.2","entries":[\n${Array.from({ length: 40 }, (_, i) => entry(i)).join(',\n')}\n]}}\n`;
    expectSameAsReference(har, chunkings(har, 7), 'generated HAR');
  });
});
