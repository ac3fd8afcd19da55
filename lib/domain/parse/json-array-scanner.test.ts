import { describe, expect, it } from 'vitest';
import { listCorpusDir, readCorpusText } from '../../test-support/corpus';
import { JsonArrayScanner, type ScanResult, type TargetMatcher } from './json-array-scanner';

function scan(
  text: string,
  match: TargetMatcher,
  maxPathLength: number,
  chunkSize = text.length || 1,
): { elements: string[]; result: ScanResult } {
  const elements: string[] = [];
  const scanner = new JsonArrayScanner(match, maxPathLength, (el, index) => {
    expect(index).toBe(elements.length);
    elements.push(el);
  });
  for (let i = 0; i < text.length; i += chunkSize) scanner.write(text.slice(i, i + chunkSize));
  return { elements, result: scanner.finish() };
}

const root: TargetMatcher = (path) => path.length === 0;
const entries: TargetMatcher = (path) => path.join('.') === 'log.entries';

// Strings that hold every structural character, escapes (incl. \\ before a quote and \"),
// surrogate pairs and CJK, so that any chunk boundary lands somewhere awkward.
const TRICKY = [
  '{"a":"x,]}[{","b":[1,[2,{"c":"\\"]"}]]}',
  '"plain \\\\"',
  '{"emoji":"😀🚀","cjk":"漢字かな","esc":"\\u00e9\\\\\\""}',
  '42',
  'true',
  '[]',
  '{"nested":{"log":{"entries":["not the target"]}}}',
];

describe('JsonArrayScanner', () => {
  it('yields the exact text of each element of a root array', () => {
    const text = ` [ ${TRICKY.join(' ,\n  ')} ] `;
    const { elements, result } = scan(text, root, 0);
    expect(elements).toEqual(TRICKY);
    expect(result).toMatchObject({ rootChar: '[', found: true, closed: true, elements: TRICKY.length, pending: null });
    for (const el of elements) expect(() => JSON.parse(el) as unknown).not.toThrow();
  });

  it('gives the same elements for every chunk size, down to one character', () => {
    const text = `[${TRICKY.join(',')}]`;
    const whole = scan(text, root, 0).elements;
    for (let size = 1; size <= 13; size++) expect(scan(text, root, 0, size).elements).toEqual(whole);
  });

  it('finds an array at a key path and ignores same-named keys elsewhere', () => {
    const doc = {
      log: {
        version: '1.2',
        creator: { name: 'entries', entries: ['decoy'] },
        pages: [{ entries: ['decoy'] }],
        entries: [{ i: 0, s: '"log": {"entries": [' }, { i: 1 }],
      },
    };
    const text = JSON.stringify(doc, null, 2);
    for (const size of [1, 2, 3, 5, 64, text.length]) {
      const { elements, result } = scan(text, entries, 2, size);
      expect(elements.map((e) => (JSON.parse(e) as { i: number }).i)).toEqual([0, 1]);
      expect(result.closed).toBe(true);
    }
  });

  it('reads keys that contain escapes or are split across chunks', () => {
    const text = '{"l\\u006fg": {"ent\\"x": [], "entries": [1, 2]}}';
    for (let size = 1; size <= 7; size++) expect(scan(text, entries, 2, size).elements).toEqual(['1', '2']);
  });

  it('reports the element cut off by the end of input', () => {
    const { elements, result } = scan('[{"a":1}, {"b": "unterminated', root, 0, 4);
    expect(elements).toEqual(['{"a":1}']);
    expect(result).toMatchObject({ found: true, closed: false, elements: 1, pending: '{"b": "unterminated' });
  });

  it('says when the target is absent or the input is not JSON', () => {
    expect(scan('{"log": {"pages": []}}', entries, 2).result).toMatchObject({ rootChar: '{', found: false });
    expect(scan('not json', root, 0).result).toMatchObject({ rootChar: 'n', found: false });
    expect(scan('   ', root, 0).result.rootChar).toBeNull();
  });

  it('tolerates a BOM before the root', () => {
    expect(scan('\uFEFF[1,2]', root, 0).elements).toEqual(['1', '2']);
  });

  it('does not match an array nested inside an array', () => {
    const match: TargetMatcher = (path) => path.join('.') === 'items';
    expect(scan('[{"items": [1]}]', match, 1).result.found).toBe(false);
    expect(scan('{"items": [1]}', match, 1).elements).toEqual(['1']);
  });

  it('skips deep elements whole: brackets in strings, escapes at a chunk end, then the next element', () => {
    const first = JSON.stringify({ a: [[{ b: ']}],[{' }], [{ c: '\\', '}': '"]' }]], d: { e: [] } });
    const text = `{"log":{"entries":[${first} , [[]],{"e":"\\"x"}],"after":[1]}}`;
    for (let size = 1; size <= text.length; size++) {
      const { elements, result } = scan(text, entries, 2, size);
      expect(elements, `chunks of ${size}`).toEqual([first, '[[]]', '{"e":"\\"x"}']);
      expect(result.closed).toBe(true);
    }
  });

  it.each(listCorpusDir('har'))('cuts the entries of %s exactly, in any chunking', (file) => {
    const text = readCorpusText(file).replace(/^\uFEFF/, '');
    const expected = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries;
    for (const size of [1, 7, 4093, text.length]) {
      const { elements, result } = scan(text, entries, 2, size);
      expect(elements.map((e) => JSON.parse(e) as unknown)).toEqual(expected);
      expect(result.closed).toBe(true);
    }
  });
});

