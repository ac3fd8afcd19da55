/**
 * Finds the first JSON syntax error in a text, with its line and column. Browsers' JSON.parse
 * messages differ and some carry no position ("Unexpected token ']', "[1,]" is not valid JSON"),
 * so the editor locates errors itself: a strict recursive-descent scan of RFC 8259 JSON.
 */

export interface JsonSyntaxError {
  message: string;
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the textarea's selection. */
  column: number;
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

class Scanner {
  i = 0;
  constructor(private readonly text: string) {}

  fail(message: string, at = this.i): never {
    throw new ScanError(message, at);
  }

  ws() {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i += 1;
  }

  describe(): string {
    return this.i >= this.text.length ? 'the end of the text' : `“${this.text[this.i]}”`;
  }

  value() {
    this.ws();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    if (c !== undefined && /[A-Za-z_]/.test(c)) this.fail('a bare word: text values need double quotes');
    this.fail(`expected a value, found ${this.describe()}`);
  }

  object() {
    this.i += 1;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] === '}') this.fail('a trailing comma before “}”');
      if (this.text[this.i] !== '"') this.fail(`expected a property name in double quotes, found ${this.describe()}`);
      this.string();
      this.ws();
      if (this.text[this.i] !== ':') this.fail(`expected “:” after the property name, found ${this.describe()}`);
      this.i += 1;
      this.value();
      this.ws();
      const c = this.text[this.i];
      this.i += 1;
      if (c === '}') return;
      if (c !== ',') this.fail(`expected “,” or “}”, found ${c === undefined ? 'the end of the text' : `“${c}”`}`, this.i - 1);
    }
  }

  array() {
    this.i += 1;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] === ']') this.fail('a trailing comma before “]”');
      this.value();
      this.ws();
      const c = this.text[this.i];
      this.i += 1;
      if (c === ']') return;
      if (c !== ',') this.fail(`expected “,” or “]”, found ${c === undefined ? 'the end of the text' : `“${c}”`}`, this.i - 1);
    }
  }

  string() {
    const start = this.i;
    this.i += 1;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('a string that never ends (a missing closing quote)', start);
      if (c === '"') {
        this.i += 1;
        return;
      }
      if (c < ' ') this.fail('a line break or control character inside a string');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('a \\u escape needs four hex digits');
          this.i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) this.fail('an invalid escape in a string');
        this.i += 2;
        continue;
      }
      this.i += 1;
    }
  }

  number() {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('an invalid number');
    this.i += match[0].length;
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The first syntax error of `text` as JSON, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.ws();
    if (scanner.i < text.length) scanner.fail(`unexpected ${scanner.describe()} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { message: error.message, offset: error.offset, ...lineColumn(text, error.offset) };
  }
}
