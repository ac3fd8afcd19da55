/**
 * Incremental scanner that yields the raw text of each element of one JSON array, without ever
 * holding the whole document: the array at the root (`[...]`) or at a key path of objects such
 * as `log.entries` (HAR) or `items` (a Kubernetes list).
 *
 * Model: the scanner follows only the structure (strings, escapes, nesting), not the values.
 * Keys are read only for the few shallow objects on the way to the target; inside the target
 * it counts depth and skips strings with indexOf, which is what makes it fast (performance
 * guide: a purpose-built splitter plus JSON.parse per element beats a generic streaming parser
 * by an order of magnitude).
 *
 * Invariants:
 * - An element is the text between separators (`[`, `,`, `]`) at the target's depth, without
 *   surrounding whitespace; each is handed over once, in order, with its 0-based index.
 * - Chunks may split anything (a key, an escape, an element); results do not depend on where.
 * - Only the first matching array is scanned; after it closes the rest of the input is ignored.
 * - The scanner validates nothing: each element's text is JSON.parse'd by the caller, so a
 *   malformed element is that element's problem only.
 */
import { JsonStringScan } from './json-string-scan';

/** Which arrays to scan: the keys from the root to the array (`[]` is the root array itself). */
export type TargetMatcher = (path: readonly string[]) => boolean;

export interface ScanResult {
  /** First non-whitespace character of the input: `{`, `[`, another, or null for empty input. */
  rootChar: string | null;
  /** The target array was found. */
  found: boolean;
  /** The target array's closing `]` was seen. */
  closed: boolean;
  /** Elements handed to onElement. */
  elements: number;
  /** Text of an element cut off by the end of input (target found, not closed), else null. */
  pending: string | null;
}

interface Frame {
  isObject: boolean;
  /** Keys from the root to this container, or null when an array lies on the way. */
  path: string[] | null;
  key: string | null;
  expectKey: boolean;
}

/** JSON whitespace, plus 0xFEFF: tolerate a BOM the pipeline left in place. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

export class JsonArrayScanner {
  private depth = 0;
  private readonly frames: Frame[] = [];
  private inString = false;
  private readonly strings = new JsonStringScan();
  /** The string being read is a key of a tracked object: its text is collected. */
  private readingKey = false;
  private keyParts: string[] = [];
  private rootChar: string | null = null;
  /** Depth of the target array once inside it (its own depth), else -1. */
  private targetDepth = -1;
  private closed = false;
  private index = 0;
  private inElement = false;
  private elementParts: string[] = [];

  constructor(
    private readonly match: TargetMatcher,
    /** Longest key path `match` can accept: keys deeper than this are never read. */
    private readonly maxPathLength: number,
    private readonly onElement: (text: string, index: number) => void,
  ) {}

  get done(): boolean {
    return this.closed;
  }

  get found(): boolean {
    return this.targetDepth >= 0;
  }

  write(chunk: string): void {
    if (this.closed) return;
    const n = chunk.length;
    let elementStart = this.inElement ? 0 : -1;
    let keyStart = this.readingKey ? 0 : -1;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        const end = this.strings.end(chunk, i);
        if (end < 0) break;
        if (this.readingKey) {
          this.keyParts.push(chunk.slice(keyStart, end - 1));
          this.finishKey();
          keyStart = -1;
        }
        this.inString = false;
        i = end;
        continue;
      }
      if (this.targetDepth >= 0 && this.depth > this.targetDepth) {
        i = this.skipInsideElement(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.rootChar === null) this.rootChar = chunk[i] ?? null;
      const atTarget = this.targetDepth >= 0 && this.depth === this.targetDepth;
      if (atTarget && c === 0x2c /* , */) {
        if (this.inElement) this.emit(chunk, elementStart, i);
        this.inElement = false;
        elementStart = -1;
        i++;
        continue;
      }
      if (atTarget && c === 0x5d /* ] */) {
        if (this.inElement) this.emit(chunk, elementStart, i);
        this.inElement = false;
        this.closed = true;
        return;
      }
      if (atTarget && !this.inElement) {
        this.inElement = true;
        elementStart = i;
      }
      if (c === 0x22 /* " */) {
        this.inString = true;
        const frame = this.frames[this.depth - 1];
        if (this.targetDepth < 0 && frame?.isObject && frame.expectKey && this.depth <= this.maxPathLength + 1) {
          this.readingKey = true;
          this.keyParts = [];
          keyStart = i + 1;
        }
        i++;
        continue;
      }
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        this.open(c === 0x7b);
      } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        if (this.depth > 0) this.depth--;
        if (this.frames.length > this.depth) this.frames.length = this.depth;
      } else if (this.targetDepth < 0) {
        const frame = this.frames[this.depth - 1];
        if (frame?.isObject) {
          if (c === 0x3a /* : */) frame.expectKey = false;
          else if (c === 0x2c /* , */) frame.expectKey = true;
        }
      }
      i++;
    }
    if (this.inElement) this.elementParts.push(chunk.slice(elementStart));
    if (this.readingKey && keyStart >= 0) this.keyParts.push(chunk.slice(keyStart));
  }

  /**
   * Inside an element of the target (deeper than the target array): only strings and brackets
   * matter, so this loop looks for nothing else. Returns where the general loop goes on: just
   * past the bracket that brings the depth back to the target's, past a string that the chunk
   * cuts (inString is then set), or the chunk's end.
   */
  private skipInsideElement(chunk: string, from: number): number {
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x22 /* " */) {
        const end = this.strings.end(chunk, i + 1);
        if (end < 0) {
          this.inString = true;
          return n;
        }
        i = end - 1;
      } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        this.depth++;
      } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        if (--this.depth === this.targetDepth) return i + 1;
      }
    }
    return n;
  }

  /** No more input: what was found, and any element cut off by the end. */
  finish(): ScanResult {
    let pending: string | null = null;
    if (this.inElement) {
      pending = this.elementParts.join('').trimEnd();
      this.elementParts = [];
      this.inElement = false;
    }
    return {
      rootChar: this.rootChar,
      found: this.targetDepth >= 0,
      closed: this.closed,
      elements: this.index,
      pending: pending !== null && pending.length > 0 ? pending : null,
    };
  }

  private open(isObject: boolean): void {
    this.depth++;
    if (this.targetDepth >= 0 || this.depth > this.maxPathLength + 1) return;
    const parent = this.frames[this.depth - 2];
    let path: string[] | null;
    if (this.depth === 1) path = [];
    else if (parent?.isObject && parent.path !== null && parent.key !== null) path = [...parent.path, parent.key];
    else path = null;
    if (!isObject && path !== null && this.match(path)) {
      this.targetDepth = this.depth;
      return;
    }
    this.frames.length = this.depth - 1;
    this.frames.push({ isObject, path, key: null, expectKey: isObject });
  }

  private finishKey(): void {
    this.readingKey = false;
    const rawKey = this.keyParts.join('');
    this.keyParts = [];
    const frame = this.frames[this.depth - 1];
    if (!frame) return;
    frame.key = rawKey.includes('\\') ? unescapeKey(rawKey) : rawKey;
    frame.expectKey = false;
  }

  private emit(chunk: string, start: number, end: number): void {
    let text = chunk.slice(start, end);
    if (this.elementParts.length > 0) {
      this.elementParts.push(text);
      text = this.elementParts.join('');
      this.elementParts = [];
    }
    this.onElement(text.trimEnd(), this.index++);
  }
}


function unescapeKey(raw: string): string {
  try {
    const v: unknown = JSON.parse(`"${raw}"`);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}
