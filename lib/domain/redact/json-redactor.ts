/**
 * Streaming redaction of JSON text (a HAR, a JSON/OTLP/Jaeger/Zipkin document, one JSON line),
 * chunk by chunk: the output is the input with some string values replaced, every other
 * character as it was, so the structure (and so the events it parses to) never changes.
 *
 * - A value under a secret-named key (secret-names.ts `isSecretField`) becomes the marker; a
 *   container under one has each of its strings and numbers replaced (counted as `field`).
 * - Name/value lists: elements of HAR `headers`, `cookies`, `queryString` and `params` arrays,
 *   and of OTLP `attributes` / Jaeger `tags` and `fields` (`{key, value}`), are held until they
 *   close (their `value` may come before their name), then the strings and numbers of `value`
 *   (a string, or OTLP's `{"stringValue": ...}`) are replaced when the name says secret
 *   (`header`, `param`, `field`) or always (`cookie`).
 * - A `url` (a HAR request's) has its query parameters redacted by the HAR parameter rule.
 * - Every other string has its content searched by redact-text.ts (a URL's `?token=...`, a
 *   body holding `"password": "..."`, a JWT), and is re-encoded only when something changed.
 *
 * Speed (a HAR is mostly string contents): unchanged text is never copied piece by piece; the
 * output of a chunk is slices of it between the replacements (`copyFrom`), so a chunk with
 * nothing to redact comes out as itself. Strings are skipped with indexOf (the next quote and
 * the next backslash of the chunk are remembered, so each is searched for once); a key is only
 * decoded when it holds an escape; the text patterns only run on a string, and isSecretField
 * only on a key, that holds one of their words (redact-text.ts `findTextSecretWord`, searched
 * once over the chunk, not per string); a name/value element that is kept and lies in one chunk
 * is never copied into pieces (`unsplit`). 100 MB of bench HAR: 6 s before, about 0.8-1 s now.
 * The character-by-character version this replaced is kept as the tests' oracle
 * (lib/test-support/json-redactor-reference.ts): both give the same output, counts and
 * `wellFormed` for any input and any chunking.
 *
 * Memory: one string at a time (a HAR's large response bodies are held whole, as the HAR parser
 * holds its entries) plus the open name/value element. Input that is not JSON passes through
 * unchanged apart from what the text patterns find in its strings.
 */
import { addCounts, countRedaction, REDACTED, type RedactionCounts, type RedactionKind } from './redaction-counts';
import { findTextSecretWord, redactText } from './redact-text';
import { redactUrlQuery } from './redact-url-query';
import { isSecretField, isSecretHeader, isSecretParam } from './secret-names';

type NameValueKind = Extract<RedactionKind, 'header' | 'cookie' | 'param' | 'field'>;
const NAME_VALUE_ARRAYS: Readonly<Record<string, NameValueKind>> = {
  headers: 'header',
  cookies: 'cookie',
  queryString: 'param',
  params: 'param',
  attributes: 'field',
  tags: 'field',
  fields: 'field',
};
const MARKER_JSON = JSON.stringify(REDACTED);
/**
 * A string worth decoding for the text patterns: a name before `=`/`:`, a bearer or a JWT start
 * (a timestamp's `10:00` is not: most strings of a log are skipped here).
 */
const MAYBE_TEXT_SECRET = /[A-Za-z_"'\]]\s*[=:]|bearer|eyJ/i;
/** Past any index of a chunk: "not found" for the remembered search positions. */
const NOWHERE = Number.MAX_SAFE_INTEGER;

interface NameValue {
  kind: NameValueKind;
  name: string | null;
  /**
   * Index of the element's `{` in the chunk while it is unsplit (see JsonRedactor.unsplit), or
   * -1 once its text is held in `pieces`.
   */
  start: number;
  /** While unsplit: [from, to) in the chunk of each string and number of the `value`. */
  valueSpans: number[];
  /** Output pieces of the element, held until it closes. */
  pieces: string[];
  /** Indexes in `pieces` of the strings and numbers of the `value`. */
  valueAt: number[];
  /** The value holds something to redact (not only empty strings or markers). */
  hasValue: boolean;
  /** What the text patterns found in the value: counted only if the value is kept. */
  found: RedactionCounts;
}

interface Frame {
  isObject: boolean;
  key: string | null;
  /** isSecretField(key), found when the key was read (false without a key). */
  keySecret: boolean;
  expectKey: boolean;
  /** Inside the value of a secret-named key: every scalar is redacted. */
  secret: boolean;
  /** An array whose elements are name/value objects of this kind. */
  elements: NameValueKind | null;
  /** This object is such an element. */
  nameValue: NameValue | null;
  /** The nearest frame, this one included, that is a name/value element (its `value` owns scalars). */
  element: Frame | null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/** Ends a bare token (number, literal). */
function isDelimiter(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x3a || c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x22;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `/^-?\d/`: a bare token that is a number (or starts like one). */
function startsNumber(s: string, from: number, to: number): boolean {
  const c = s.charCodeAt(from);
  if (isDigit(c)) return true;
  return c === 0x2d && from + 1 < to && isDigit(s.charCodeAt(from + 1));
}

/** `/^(?:-?\d[\d.eE+-]*|true|false|null)$/` over s[from, to). */
function isJsonLiteral(s: string, from: number, to: number): boolean {
  if (startsNumber(s, from, to)) {
    for (let i = s.charCodeAt(from) === 0x2d ? from + 2 : from + 1; i < to; i++) {
      const c = s.charCodeAt(i);
      if (!isDigit(c) && c !== 0x2e && c !== 0x65 && c !== 0x45 && c !== 0x2b && c !== 0x2d) return false;
    }
    return true;
  }
  const length = to - from;
  if (length === 4) return s.startsWith('true', from) || s.startsWith('null', from);
  return length === 5 && s.startsWith('false', from);
}

function decode(raw: string): string | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

export class JsonRedactor {
  /** Open containers; frames[0, depth) are live, the rest are kept for reuse. */
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** Where output goes: the document's, or an open name/value element's pieces. */
  private readonly sinks: string[][] = [[]];
  private malformed = false;

  /** Inside a string that an earlier chunk started: its text so far, with the opening quote. */
  private stringParts: string[] | null = null;
  /** Inside a bare token that an earlier chunk started: its text so far. */
  private bareParts: string[] | null = null;
  /** The previous chunk ended inside a string on an odd run of backslashes. */
  private escapePending = false;

  // The chunk being read, and what is remembered about it while it is read.
  private chunk = '';
  /** Chunk text from here on is output as it is, until a replacement or a change of sink. */
  private copyFrom = 0;
  /** The next `"` at or after the last search position, or NOWHERE. */
  private nextQuote = -1;
  /** The next `\` at or after the last search position, or NOWHERE. */
  private nextBackslash = -1;
  /** Where the leftmost text-pattern word starts at or after the last search position, or NOWHERE. */
  private nextWord = -1;
  /** The string just scanned held an escape. */
  private escaped = false;
  /**
   * The innermost open name/value element, while all of it lies in this chunk and nothing in it
   * was replaced: its text is still in the copy range and its value is only a list of spans, so
   * an element that is kept (most are) costs no pieces at all. Anything that must output a
   * piece inside it, or the end of the chunk, splits it into pieces first (split()).
   */
  private unsplit: NameValue | null = null;

  constructor(private readonly counts: RedactionCounts) {}

  /** Redacts the next chunk; returns the output that is final so far. */
  write(chunk: string): string {
    this.chunk = chunk;
    this.copyFrom = 0;
    this.nextQuote = -1;
    this.nextBackslash = -1;
    this.nextWord = -1;
    const n = chunk.length;
    let i = 0;
    if (this.stringParts !== null) {
      let from = 0;
      if (this.escapePending) {
        if (n === 0) return this.take();
        this.escapePending = false;
        from = 1;
      }
      const end = this.stringEnd(from);
      if (end < 0) {
        this.stringParts.push(chunk);
        this.copyFrom = n;
        return this.take();
      }
      this.stringParts.push(chunk.slice(0, end));
      const raw = this.stringParts.join('');
      this.stringParts = null;
      this.finishString(raw, -1, end);
      i = end;
    } else if (this.bareParts !== null) {
      const end = this.bareEnd(0);
      this.bareParts.push(chunk.slice(0, end));
      if (end === n) {
        this.copyFrom = n;
        return this.take();
      }
      const raw = this.bareParts.join('');
      this.bareParts = null;
      this.push(raw);
      this.copyFrom = end;
      this.finishBare(raw, 0, raw.length, -1);
      i = end;
    }
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === 0x22 /* " */) {
        const end = this.stringEnd(i + 1);
        if (end < 0) {
          this.split();
          this.flushCopy(i);
          this.stringParts = [chunk.slice(i)];
          this.copyFrom = n;
          break;
        }
        this.finishString(null, i, end);
        i = end;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c === 0x3a /* : */) {
        if (this.depth > 0) {
          const frame = this.frames[this.depth - 1] as Frame;
          if (frame.isObject) frame.expectKey = false;
        }
        i++;
        continue;
      }
      if (c === 0x2c /* , */) {
        if (this.depth > 0) {
          const frame = this.frames[this.depth - 1] as Frame;
          if (frame.isObject) {
            frame.expectKey = true;
            frame.key = null;
            frame.keySecret = false;
          }
        }
        i++;
        continue;
      }
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        this.open(c === 0x7b, i);
        i++;
        continue;
      }
      if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        this.close(c === 0x7d, i + 1);
        i++;
        continue;
      }
      const end = this.bareEnd(i);
      if (end === n) {
        this.split();
        this.flushCopy(i);
        this.bareParts = [chunk.slice(i)];
        this.copyFrom = n;
        break;
      }
      this.finishBare(chunk, i, end, i);
      i = end;
    }
    this.split();
    this.flushCopy(n);
    return this.take();
  }

  /**
   * The text read so far is JSON as far as its structure goes: no stray words, brackets matched.
   * A line that opens like JSON but is not (`[INFO] ...`) needs the text patterns as well.
   */
  get wellFormed(): boolean {
    return !this.malformed && this.stringParts === null && this.depth === 0;
  }

  /** The input ended: whatever is held goes out, redacted as far as it can be decided. */
  end(): string {
    this.chunk = '';
    this.copyFrom = 0;
    if (this.stringParts !== null) {
      // Cut off inside a string (a truncated file): it stays cut off, without its secret.
      const raw = this.stringParts.join('');
      const frame = this.top();
      const owner = this.valueOwner();
      if (owner) {
        // closeNameValue below decides, as for a complete value.
        this.push(redactText(raw, owner.found));
        owner.valueAt.push(owner.pieces.length - 1);
        owner.hasValue ||= raw.length > 1;
      } else {
        this.push(frame && this.isSecretValue(frame) ? this.cutOffSecret(raw) : redactText(raw, this.counts));
      }
      this.stringParts = null;
      this.escapePending = false;
    }
    if (this.bareParts !== null) {
      const raw = this.bareParts.join('');
      this.bareParts = null;
      this.push(raw);
      this.finishBare(raw, 0, raw.length, -1);
    }
    while (this.depth > 0) {
      const frame = this.frames[--this.depth] as Frame;
      if (frame.nameValue) this.closeNameValue(frame.nameValue);
    }
    return this.take();
  }

  private take(): string {
    const out = this.sinks[0] as string[];
    if (out.length === 1) return out.pop() as string;
    const text = out.join('');
    out.length = 0;
    return text;
  }

  private top(): Frame | undefined {
    return this.depth > 0 ? this.frames[this.depth - 1] : undefined;
  }

  private push(text: string): void {
    if (this.unsplit !== null) this.split();
    (this.sinks[this.sinks.length - 1] as string[]).push(text);
  }

  /** The chunk's unchanged text up to `to` goes to the current sink. */
  private flushCopy(to: number): void {
    if (to <= this.copyFrom) return;
    if (this.unsplit !== null) this.split();
    if (to > this.copyFrom) this.push(this.chunk.slice(this.copyFrom, to));
    this.copyFrom = to;
  }

  /** The unsplit element's text so far goes into its pieces, each value span a piece of its own. */
  private split(): void {
    const element = this.unsplit;
    if (element === null) return;
    this.unsplit = null;
    this.flushCopy(element.start);
    element.start = -1;
    this.sinks.push(element.pieces);
    const spans = element.valueSpans;
    for (let k = 0; k < spans.length; k += 2) {
      const from = spans[k] as number;
      const to = spans[k + 1] as number;
      this.flushCopy(from);
      element.pieces.push(this.chunk.slice(from, to));
      element.valueAt.push(element.pieces.length - 1);
      this.copyFrom = to;
    }
    spans.length = 0;
  }

  /**
   * Chunk text [from, to) is output as `text` instead of itself. `from` -1: the text was held
   * from earlier chunks (nothing of it is in the copy range), and the chunk resumes at `to`.
   */
  private replace(text: string, from: number, to: number): void {
    if (from >= 0) this.flushCopy(from);
    this.push(text);
    this.copyFrom = to;
  }

  /**
   * Index just past the closing quote of the string whose contents start at `from`, or -1 when
   * the chunk ends first (then escapePending says whether it ended inside an escape). Sets
   * `escaped` when a backslash was skipped.
   */
  private stringEnd(from: number): number {
    const chunk = this.chunk;
    let at = from;
    this.escaped = false;
    for (;;) {
      if (this.nextQuote < at) this.nextQuote = indexOrNowhere(chunk, '"', at);
      if (this.nextBackslash < at) this.nextBackslash = indexOrNowhere(chunk, '\\', at);
      // Equal only when neither is left in the chunk.
      if (this.nextBackslash >= this.nextQuote) return this.nextQuote === NOWHERE ? -1 : this.nextQuote + 1;
      // An escape before the next quote: skip it (it may be an escaped quote) and search on.
      this.escaped = true;
      at = this.nextBackslash + 2;
      if (at > chunk.length) {
        this.escapePending = true;
        return -1;
      }
    }
  }

  /** Index of the delimiter that ends the bare token at `from`, or the chunk's length. */
  private bareEnd(from: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let i = from;
    while (i < n && !isDelimiter(chunk.charCodeAt(i))) i++;
    return i;
  }

  /** A string of the chunk, [from, to), might hold a word of the text patterns (or be a secret field name). */
  private mayHoldTextSecret(from: number, to: number): boolean {
    if (this.nextWord < from) {
      const at = findTextSecretWord(this.chunk, from);
      this.nextWord = at < 0 ? NOWHERE : at;
    }
    return this.nextWord < to;
  }

  private open(isObject: boolean, at: number): void {
    const parent = this.top();
    const key = parent?.isObject ? parent.key : null;
    const elements = !isObject && key !== null ? (NAME_VALUE_ARRAYS[key] ?? null) : null;
    const secret = elements === null && parent !== undefined && this.isSecretValue(parent);
    let nameValue: NameValue | null = null;
    if (isObject && parent && !parent.isObject && parent.elements !== null) {
      // An element inside an unsplit one: the outer one is held in pieces, this one starts unsplit.
      this.split();
      nameValue = { kind: parent.elements, name: null, start: at, valueSpans: [], pieces: [], valueAt: [], hasValue: false, found: {} };
      this.unsplit = nameValue;
    }
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = { isObject, key: null, keySecret: false, expectKey: isObject, secret, elements, nameValue, element: null };
      this.frames.push(frame);
    } else {
      frame.isObject = isObject;
      frame.key = null;
      frame.keySecret = false;
      frame.expectKey = isObject;
      frame.secret = secret;
      frame.elements = elements;
      frame.nameValue = nameValue;
    }
    frame.element = nameValue !== null ? frame : (parent?.element ?? null);
    this.depth++;
  }

  /** A `}` or `]`; `after` is the index just past it. */
  private close(isObject: boolean, after: number): void {
    if (this.depth === 0) {
      this.malformed = true;
      return;
    }
    const frame = this.frames[--this.depth] as Frame;
    if (frame.isObject !== isObject) this.malformed = true;
    const element = frame.nameValue;
    if (element === null) return;
    if (element === this.unsplit) {
      this.closeUnsplit(element, after);
      return;
    }
    this.flushCopy(after);
    this.closeNameValue(element);
  }

  /** closeNameValue for an unsplit element, which ends at `after`: kept, it stays in the copy range. */
  private closeUnsplit(element: NameValue, after: number): void {
    this.unsplit = null;
    if (!(this.isSecretElement(element) && element.hasValue)) {
      addCounts(this.counts, element.found);
      return;
    }
    const chunk = this.chunk;
    const spans = element.valueSpans;
    let text = '';
    let at = element.start;
    for (let k = 0; k < spans.length; k += 2) {
      text += chunk.slice(at, spans[k]) + MARKER_JSON;
      at = spans[k + 1] as number;
    }
    text += chunk.slice(at, after);
    countRedaction(this.counts, element.kind);
    this.replace(text, element.start, after);
  }

  private closeNameValue(element: NameValue): void {
    this.sinks.pop();
    if (this.isSecretElement(element) && element.hasValue) {
      for (const at of element.valueAt) element.pieces[at] = MARKER_JSON;
      countRedaction(this.counts, element.kind);
    } else {
      addCounts(this.counts, element.found);
    }
    this.push(element.pieces.join(''));
  }

  private isSecretElement(element: NameValue): boolean {
    const name = element.name ?? '';
    switch (element.kind) {
      case 'cookie':
        return true;
      case 'header':
        return remembered(headerMemo, name, isSecretHeader);
      case 'param':
        return remembered(paramMemo, name, isSecretParam);
      default:
        return isSecretField(name);
    }
  }

  /** The name/value element whose `value` the scalar being read belongs to, if any. */
  private valueOwner(): NameValue | null {
    const element = this.top()?.element;
    return element && element.key === 'value' ? element.nameValue : null;
  }

  /** The value being read belongs to a secret-named key (or sits inside one). */
  /** A secret field's string cut off by the end of the input: counted, as every replacement is. */
  private cutOffSecret(raw: string): string {
    const redacted = `"${REDACTED}`;
    if (raw !== redacted) countRedaction(this.counts, 'field');
    return redacted;
  }

  private isSecretValue(frame: Frame): boolean {
    if (frame.secret) return true;
    return frame.isObject && frame.keySecret && frame.nameValue === null;
  }

  /**
   * A complete string: chunk text [from, to) when `held` is null, else `held` (the text of a
   * string that earlier chunks started; the chunk resumes at `to`).
   */
  private finishString(held: string | null, from: number, to: number): void {
    const frame = this.top();
    if (frame?.isObject && frame.expectKey) {
      if (held !== null) {
        frame.key = decode(held) ?? held.slice(1, -1);
        frame.keySecret = isSecretField(frame.key);
        this.replace(held, -1, to);
      } else {
        if (this.escaped) {
          const raw = this.chunk.slice(from + 1, to - 1);
          frame.key = decode(`"${raw}"`) ?? raw;
          frame.keySecret = isSecretField(frame.key);
        } else {
          // Without an escape, the text between the quotes is the key (and JSON.parse of a
          // string with a raw control character fails, when the fallback is this same text).
          frame.key = this.chunk.slice(from + 1, to - 1);
          // A key without a word of the text patterns cannot be a secret field (redact-text.ts).
          frame.keySecret = this.mayHoldTextSecret(from, to) && isSecretField(frame.key);
        }
      }
      frame.expectKey = false;
      return;
    }
    const element = frame?.nameValue;
    if (element && (frame.key === 'name' || frame.key === 'key')) {
      if (held !== null) {
        element.name = decode(held);
        this.replace(held, -1, to);
      } else {
        element.name = this.stringValue(from, to);
      }
      return;
    }
    const owner = this.valueOwner();
    if (owner) {
      const value = held !== null ? decode(held) : this.stringValue(from, to);
      owner.hasValue ||= value !== null && value !== '' && value !== REDACTED;
      const raw = held ?? this.chunk.slice(from, to);
      const redacted = this.redactString(raw, owner.found, false, held !== null || this.mayHoldTextSecret(from, to));
      if (owner === this.unsplit && redacted === raw) {
        owner.valueSpans.push(from, to);
        return;
      }
      // The value is a piece of its own, so closeNameValue can replace it.
      this.replace(redacted, held === null ? from : -1, to);
      owner.valueAt.push(owner.pieces.length - 1);
      return;
    }
    if (frame?.isObject && frame.key === 'url') {
      const raw = held ?? this.chunk.slice(from, to);
      const redacted = this.redactString(raw, this.counts, true, true);
      if (held !== null || redacted !== raw) this.replace(redacted, held === null ? from : -1, to);
      return;
    }
    if (frame && this.isSecretValue(frame)) {
      const raw = held ?? this.chunk.slice(from, to);
      const value = decode(raw);
      if (value !== null && value !== '' && value !== REDACTED) {
        countRedaction(this.counts, 'field');
        this.replace(MARKER_JSON, held === null ? from : -1, to);
        return;
      }
    }
    if (held !== null) {
      this.replace(this.redactString(held, this.counts, false, true), -1, to);
      return;
    }
    if (!this.mayHoldTextSecret(from, to)) return;
    const raw = this.chunk.slice(from, to);
    const redacted = this.redactString(raw, this.counts, false, true);
    if (redacted !== raw) this.replace(redacted, from, to);
  }

  /**
   * What the chunk's string [from, to) decodes to, as decode() says (null for invalid JSON), without
   * JSON.parse when it holds no escape: then only a raw control character makes it invalid.
   */
  private stringValue(from: number, to: number): string | null {
    const chunk = this.chunk;
    if (this.escaped) return decode(chunk.slice(from, to));
    for (let i = from + 1; i < to - 1; i++) if (chunk.charCodeAt(i) < 0x20) return null;
    return chunk.slice(from + 1, to - 1);
  }

  /**
   * A string's content through the text patterns; the original text when nothing was found.
   * `mayHoldWord` false: the string holds no word the patterns need, so they would find nothing.
   */
  private redactString(raw: string, counts: RedactionCounts, isUrl: boolean, mayHoldWord: boolean): string {
    if (!mayHoldWord && !isUrl) return raw;
    if (!MAYBE_TEXT_SECRET.test(raw)) return raw;
    const value = decode(raw);
    if (value === null) return raw;
    const redacted = redactText(isUrl ? redactUrlQuery(value, counts) : value, counts);
    return redacted === value ? raw : JSON.stringify(redacted);
  }

  /**
   * A complete bare token, s[from, to). `at` is its index in the chunk, or -1 when it was held
   * from earlier chunks (then it has already been output as it is, as the last piece).
   */
  private finishBare(s: string, from: number, to: number, at: number): void {
    if (!isJsonLiteral(s, from, to)) this.malformed = true;
    const isNumber = startsNumber(s, from, to);
    const owner = isNumber ? this.valueOwner() : null;
    if (owner) {
      owner.hasValue = true;
      if (owner === this.unsplit) {
        owner.valueSpans.push(at, to);
        return;
      }
      if (at >= 0) this.replace(s.slice(from, to), at, to);
      owner.valueAt.push(owner.pieces.length - 1);
      return;
    }
    // Numbers only: true/false/null say nothing secret.
    const frame = this.top();
    if (frame && !frame.expectKey && isNumber && this.isSecretValue(frame)) {
      countRedaction(this.counts, 'field');
      if (at >= 0) {
        this.replace(MARKER_JSON, at, to);
      } else {
        const sink = this.sinks[this.sinks.length - 1] as string[];
        sink[sink.length - 1] = MARKER_JSON;
      }
    }
  }
}

/** Header and parameter names repeat on every entry of a HAR: answers for the first few thousand. */
const headerMemo = new Map<string, boolean>();
const paramMemo = new Map<string, boolean>();
const NAME_MEMO_SIZE = 4096;

function remembered(memo: Map<string, boolean>, name: string, isSecret: (name: string) => boolean): boolean {
  const known = memo.get(name);
  if (known !== undefined) return known;
  const secret = isSecret(name);
  if (memo.size < NAME_MEMO_SIZE) memo.set(name, secret);
  return secret;
}

function indexOrNowhere(s: string, search: string, from: number): number {
  const at = s.indexOf(search, from);
  return at < 0 ? NOWHERE : at;
}
