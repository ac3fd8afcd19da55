import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax';

function at(text: string) {
  const e = findJsonSyntaxError(text);
  return e ? `${e.line}:${e.column} ${e.message}` : null;
}

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON, whatever its shape', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\n\\u00e9", true, false, null, {"x": []}] ', '"s"', '0']) {
      expect(findJsonSyntaxError(text), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('locates errors by line and column', () => {
    expect(at('{\n  "a": 1,\n}')).toBe('3:1 a trailing comma before “}”');
    expect(at('[1,]')).toBe('1:4 a trailing comma before “]”');
    expect(at('{"a": 1 "b": 2}')).toBe('1:9 expected “,” or “}”, found “"”');
    expect(at('{"a": 1')).toBe('1:8 expected “,” or “}”, found the end of the text');
    expect(at("{'a': 1}")).toBe('1:2 expected a property name in double quotes, found “\'”');
    expect(at('{"a": tru}')).toBe('1:7 a bare word: text values need double quotes');
    expect(at('{"a": "b')).toBe('1:7 a string that never ends (a missing closing quote)');
    expect(at('')).toBe('1:1 expected a value, found the end of the text');
    expect(at('{} {}')).toBe('1:4 unexpected “{” after the end of the JSON value');
    expect(at('{"a": 01}')).toBe('1:8 expected “,” or “}”, found “1”');
  });

  it('agrees with JSON.parse on what is invalid', () => {
    for (const text of ['{"a":\n 1 2}', '{"a": "b\nc"}', '[1 2]', '{"a" 1}', '-', '"\\x"', 'nul']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(findJsonSyntaxError(text), text).not.toBeNull();
    }
  });
});
