import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

function split(chunks: string[]): [string, number][] {
  const lines: [string, number][] = [];
  const splitter = new LineSplitter((line, n) => lines.push([line, n]));
  for (const chunk of chunks) splitter.write(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  const text = 'a\r\n\nbb\ncc\r\nlast';
  const whole = split([text]);

  it('numbers every line, drops the CR of a CRLF and flushes a last line without newline', () => {
    expect(whole).toEqual([['a', 1], ['', 2], ['bb', 3], ['cc', 4], ['last', 5]]);
  });

  it('gives the same lines however the text is cut, a CR and its LF in different chunks included', () => {
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(split([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });
});
