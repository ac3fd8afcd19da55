import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LineOffsets } from './line-offsets';
import { ParsedTextWriter } from './parsed-text-writer';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-parsed-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** Writes `input` to a file, hands `pieces` on; `changedFrom`: redaction has replaced something from that piece on. */
function run(input: Buffer, pieces: string[], changedFrom = Infinity) {
  const dir = path.join(tmp, String(++n));
  const inputFile = `${dir}.in`;
  const output = `${dir}.parsed`;
  writeFileSync(inputFile, input);
  const offsets = new LineOffsets();
  let piece = 0;
  const writer = new ParsedTextWriter(inputFile, output, offsets, () => piece >= changedFrom);
  for (; piece < pieces.length; piece++) writer.write(pieces[piece] as string);
  writer.close();
  const file = existsSync(output) ? readFileSync(output) : null;
  // What the writer measured as it wrote is what the file holds.
  expect(writer.text).toEqual(file === null ? null : { sizeBytes: file.length, sha256: createHash('sha256').update(file).digest('hex'), compressed: false });
  return { written: writer.text !== null, output, offsets, file, part: existsSync(`${output}.part`) };
}

describe('ParsedTextWriter', () => {
  it('writes nothing while the text is the input', () => {
    const text = 'one ✓\ntwo 🙂\n';
    const got = run(Buffer.from(text), ['one ✓\n', 'two \uD83D', '\uDE42\n']);
    expect(got.written).toBe(false);
    expect(got.file).toBeNull();
    expect(got.offsets.range(2, 0)).toEqual({ offset: Buffer.byteLength('one ✓\n'), length: Buffer.byteLength('two 🙂') });
  });

  it('from the first redaction on, copies the input so far and writes the text after it', () => {
    const input = 'a=1\npassword=hunter2\nb=2 🙂\n';
    const pieces = ['a=1\n', 'password=[REDACTED]\n', 'b=2 \uD83D', '\uDE42\n'];
    const got = run(Buffer.from(input), pieces, 1);
    expect(got.written).toBe(true);
    expect(got.part).toBe(false);
    expect(got.file?.toString('utf8')).toBe(pieces.join(''));
    const line3 = got.offsets.range(3, 0)!;
    expect(got.file?.subarray(line3.offset, line3.offset + line3.length).toString('utf8')).toBe('b=2 🙂');
  });

  it('writes from the replaced character on when bytes were not UTF-8', () => {
    const input = Buffer.concat([Buffer.from('ok\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const got = run(input, ['ok\n', 'caf\uFFFD\n']);
    expect(got.written).toBe(true);
    expect(got.file?.toString('utf8')).toBe('ok\ncaf\uFFFD\n');
  });

  it('writes a gzip input from the start', () => {
    const got = run(gzipSync('x\ny\n'), ['x\n', 'y\n']);
    expect(got.written).toBe(true);
    expect(got.file?.toString('utf8')).toBe('x\ny\n');
  });
});
