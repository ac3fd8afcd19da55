import { describe, expect, it } from 'vitest';
import { LineOffsets } from './line-offsets';

/** Feeds `text` in pieces of `size` characters and returns the tracker. */
function fed(text: string, size: number): LineOffsets {
  const offsets = new LineOffsets();
  for (let at = 0; at < text.length; at += size) offsets.write(text.slice(at, at + size));
  return offsets;
}

/** The bytes of `text` that a range names, as text. */
function slice(text: string, range: { offset: number; length: number } | null): string | null {
  return range === null ? null : Buffer.from(text, 'utf8').subarray(range.offset, range.offset + range.length).toString('utf8');
}

describe('LineOffsets', () => {
  const lines = ['{"a":1}', '', 'ünïcødé ✓ 日本 🙂 line', 'last without newline'];
  const text = lines.join('\n');

  it.each([1, 2, 3, 7, 1000])('finds every line in UTF-8 bytes, whatever the pieces (%i characters)', (size) => {
    const offsets = fed(text, size);
    lines.forEach((line, i) => expect(slice(text, offsets.range(i + 1, 0))).toBe(line));
    expect(slice(text, offsets.range(2, 1))).toBe(['', lines[2]].join('\n'));
    expect(offsets.range(5, 0)).toBeNull();
    expect(offsets.range(0, 0)).toBeNull();
  });

  it('leaves the \\r of a CRLF out of a line, also when the \\r and \\n arrive in two pieces', () => {
    const crlf = 'one\r\ntwo\r\nthree\r';
    for (const size of [1, 4, 100]) {
      const offsets = fed(crlf, size);
      expect([1, 2, 3].map((n) => slice(crlf, offsets.range(n, 0)))).toEqual(['one', 'two', 'three']);
      // Lines joined with \n are not the bytes of CRLF lines.
      expect(offsets.range(1, 1)).toBeNull();
    }
  });

  it('counts a byte order mark fed before the first line', () => {
    const withBom = '\uFEFFfirst\nsecond\n';
    const offsets = fed(withBom, 3);
    expect(offsets.range(1, 0)).toEqual({ offset: 3, length: 5 });
    expect(slice(withBom, offsets.range(2, 0))).toBe('second');
  });

  it('forgets lines before the one it is told, and still finds the later ones', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const manyText = `${many.join('\n')}\n`;
    const offsets = fed(manyText, 4096);
    offsets.discardBefore(15_000);
    expect(offsets.range(14_999, 0)).toBeNull();
    expect(slice(manyText, offsets.range(15_000, 0))).toBe('line 14999');
    expect(slice(manyText, offsets.range(20_000, 0))).toBe('line 19999');
  });
});
