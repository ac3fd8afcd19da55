import { describe, expect, it } from 'vitest';
import { JsonRowPages } from './json-row-pages';
import { PAGE_TEXT_TARGET } from './source-event-columns';

/** Feeds `rows` (JSON texts) to `pages`, each in parts of `partBytes`. */
function feed(pages: JsonRowPages<unknown>, rows: string[], partBytes = Infinity): void {
  for (const row of rows) {
    const bytes = Buffer.from(row, 'utf8');
    for (let at = 0; at < bytes.length; at += partBytes) pages.part(bytes, at, Math.min(bytes.length, at + partBytes));
    pages.endRow();
  }
}

describe('JsonRowPages', () => {
  it('parses rows into pages of at most pageSize rows, in order, rows given in parts', () => {
    const rows = Array.from({ length: 11 }, (_, i) => JSON.stringify([`é ${i}`, i, { n: i }]));
    const pages = new JsonRowPages<unknown>(4);
    feed(pages, rows, 3);
    pages.flush();
    expect(pages.done.map((page) => page.length)).toEqual([4, 4, 3]);
    expect(pages.done.flat()).toEqual(rows.map((row) => JSON.parse(row)));
  });

  it('cuts a page once it holds PAGE_TEXT_TARGET bytes, so pages stay near that size', () => {
    const row = (i: number) => JSON.stringify(['cart-api', 'info', `message ${i}`, 'x'.repeat(200), i]);
    const rows = Array.from({ length: 3_000 }, (_, i) => row(i));
    const pages = new JsonRowPages<unknown[]>(5_000);
    const texts: number[] = [];
    const parse = JSON.parse;
    JSON.parse = (text: string) => (texts.push(text.length), parse(text));
    try {
      feed(pages, rows);
      pages.flush();
    } finally {
      JSON.parse = parse;
    }
    expect(pages.done.flat().map((event) => event[4])).toEqual(rows.map((_, i) => i));
    const longest = Math.max(...rows.map((r) => r.length));
    // Every page but the last reached the target and passed it by less than a row.
    for (const length of texts.slice(0, -1)) {
      expect(length).toBeGreaterThanOrEqual(PAGE_TEXT_TARGET);
      expect(length).toBeLessThan(PAGE_TEXT_TARGET + longest + 1);
    }
    expect(texts.length).toBeGreaterThan(5);
  });

  it('takes a row bigger than its buffer', () => {
    const big = JSON.stringify({ body: 'b'.repeat(5 * PAGE_TEXT_TARGET) });
    const pages = new JsonRowPages<unknown>(10);
    feed(pages, ['1', big, '2'], 70_000);
    pages.flush();
    expect(pages.done.flat()).toEqual([1, JSON.parse(big), 2]);
  });
});
