/**
 * The JsonRedactor as it was before it was made fast: a character-by-character scanner that
 * builds each string and each structural run as its own piece. Kept only as the oracle the fast
 * JsonRedactor (lib/domain/redact/json-redactor.ts) is tested against (json-redactor-oracle.test.ts): both must give
 * byte-identical output, counts and `wellFormed` for any input and any chunking. Its rules are
 * the ones json-redactor.ts documents; do not use it outside tests, and do not optimize it.
 */
import { addCounts, countRedaction, REDACTED, type RedactionCounts, type RedactionKind } from '../domain/redact/redaction-counts';
import { redactText } from '../domain/redact/redact-text';
import { redactUrlQuery } from '../domain/redact/redact-url-query';
import { isSecretField, isSecretHeader, isSecretParam } from '../domain/redact/secret-names';
import { JsonStringScan } from '../domain/parse/json-string-scan';

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
const JSON_LITERAL = /^(?:-?\d[\d.eE+-]*|true|false|null)$/;

interface NameValue {
  kind: NameValueKind;
  name: string | null;
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
  expectKey: boolean;
  /** Inside the value of a secret-named key: every scalar is redacted. */
  secret: boolean;
  /** An array whose elements are name/value objects of this kind. */
  elements: NameValueKind | null;
  /** This object is such an element. */
  nameValue: NameValue | null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/** Ends a bare token (number, literal). */
function isDelimiter(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x3a || c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x22;
}

function decode(raw: string): string | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}


export class ReferenceJsonRedactor {
  private readonly frames: Frame[] = [];
  /** Where output goes: the document's, or an open name/value element's pieces. */
  private readonly sinks: string[][] = [[]];
  private inString = false;
  private readonly strings = new JsonStringScan();
  private stringParts: string[] = [];
  private bareParts: string[] | null = null;
  private malformed = false;

  constructor(private readonly counts: RedactionCounts) {}

  /** Redacts the next chunk; returns the output that is final so far. */
  write(chunk: string): string {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        const end = this.strings.end(chunk, i);
        if (end < 0) {
          this.stringParts.push(chunk.slice(i));
          break;
        }
        this.stringParts.push(chunk.slice(i, end));
        this.inString = false;
        this.finishString(this.stringParts.join(''));
        this.stringParts = [];
        i = end;
        continue;
      }
      if (this.bareParts !== null) {
        let j = i;
        while (j < n && !isDelimiter(chunk.charCodeAt(j))) j++;
        this.bareParts.push(chunk.slice(i, j));
        if (j === n) break;
        this.finishBare(this.bareParts.join(''));
        this.bareParts = null;
        i = j;
        continue;
      }
      i = this.structure(chunk, i);
    }
    return this.take();
  }

  /**
   * The text read so far is JSON as far as its structure goes: no stray words, brackets matched.
   * A line that opens like JSON but is not (`[INFO] ...`) needs the text patterns as well.
   */
  get wellFormed(): boolean {
    return !this.malformed && !this.inString && this.frames.length === 0;
  }

  /** The input ended: whatever is held goes out, redacted as far as it can be decided. */
  end(): string {
    if (this.inString) {
      // Cut off inside a string (a truncated file): it stays cut off, without its secret.
      const raw = this.stringParts.join('');
      const frame = this.top();
      const owner = this.valueOwner();
      if (owner) {
        // closeNameValue below decides, as for a complete value.
        this.emit(redactText(raw, owner.found));
        owner.valueAt.push(owner.pieces.length - 1);
        owner.hasValue ||= raw.length > 1;
      } else {
        if (frame && this.isSecretValue(frame)) {
          if (raw !== `"${REDACTED}`) countRedaction(this.counts, 'field');
          this.emit(`"${REDACTED}`);
        } else {
          this.emit(redactText(raw, this.counts));
        }
      }
      this.inString = false;
      this.stringParts = [];
    }
    if (this.bareParts !== null) {
      this.finishBare(this.bareParts.join(''));
      this.bareParts = null;
    }
    while (this.frames.length > 0) {
      const frame = this.frames.pop() as Frame;
      if (frame.nameValue) this.closeNameValue(frame.nameValue);
    }
    return this.take();
  }

  private take(): string {
    const out = this.sinks[0] as string[];
    const text = out.join('');
    out.length = 0;
    return text;
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private emit(text: string): void {
    (this.sinks[this.sinks.length - 1] as string[]).push(text);
  }

  /** Structural characters from i: whitespace, `:` and `,` in a run; one bracket; a token start. */
  private structure(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      const frame = this.top();
      if (c === 0x3a /* : */) {
        if (frame?.isObject) frame.expectKey = false;
        i++;
        continue;
      }
      if (c === 0x2c /* , */) {
        if (frame?.isObject) {
          frame.expectKey = true;
          frame.key = null;
        }
        i++;
        continue;
      }
      break;
    }
    if (i > from) this.emit(chunk.slice(from, i));
    if (i >= n) return i;
    const c = chunk.charCodeAt(i);
    if (c === 0x22 /* " */) {
      this.inString = true;
      this.stringParts = ['"'];
      return i + 1;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      this.open(c === 0x7b);
      this.emit(chunk[i] as string);
      return i + 1;
    }
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      this.emit(chunk[i] as string);
      const frame = this.frames.pop();
      if (frame === undefined || frame.isObject !== (c === 0x7d)) this.malformed = true;
      if (frame?.nameValue) this.closeNameValue(frame.nameValue);
      return i + 1;
    }
    this.bareParts = [];
    return i;
  }

  private open(isObject: boolean): void {
    const parent = this.top();
    const key = parent?.isObject ? parent.key : null;
    const elements = !isObject && key !== null ? (NAME_VALUE_ARRAYS[key] ?? null) : null;
    const secret = elements === null && parent !== undefined && this.isSecretValue(parent);
    let nameValue: NameValue | null = null;
    if (isObject && parent && !parent.isObject && parent.elements !== null) {
      nameValue = { kind: parent.elements, name: null, pieces: [], valueAt: [], hasValue: false, found: {} };
      this.sinks.push(nameValue.pieces);
    }
    this.frames.push({ isObject, key: null, expectKey: isObject, secret, elements, nameValue });
  }

  private closeNameValue(element: NameValue): void {
    this.sinks.pop();
    if (this.isSecretElement(element) && element.hasValue) {
      for (const at of element.valueAt) element.pieces[at] = MARKER_JSON;
      countRedaction(this.counts, element.kind);
    } else {
      addCounts(this.counts, element.found);
    }
    this.emit(element.pieces.join(''));
  }

  private isSecretElement(element: NameValue): boolean {
    const name = element.name ?? '';
    switch (element.kind) {
      case 'cookie':
        return true;
      case 'header':
        return isSecretHeader(name);
      case 'param':
        return isSecretParam(name);
      default:
        return isSecretField(name);
    }
  }

  /** The name/value element whose `value` the scalar being read belongs to, if any. */
  private valueOwner(): NameValue | null {
    for (let d = this.frames.length - 1; d >= 0; d--) {
      const frame = this.frames[d] as Frame;
      if (frame.nameValue) return frame.key === 'value' ? frame.nameValue : null;
    }
    return null;
  }

  /** The value being read belongs to a secret-named key (or sits inside one). */
  private isSecretValue(frame: Frame): boolean {
    if (frame.secret) return true;
    return frame.isObject && frame.key !== null && frame.nameValue === null && isSecretField(frame.key);
  }

  private finishString(raw: string): void {
    const frame = this.top();
    if (frame?.isObject && frame.expectKey) {
      frame.key = decode(raw) ?? raw.slice(1, -1);
      frame.expectKey = false;
      this.emit(raw);
      return;
    }
    const element = frame?.nameValue;
    if (element && (frame.key === 'name' || frame.key === 'key')) {
      element.name = decode(raw);
      this.emit(raw);
      return;
    }
    const owner = this.valueOwner();
    if (owner) {
      const value = decode(raw);
      owner.hasValue ||= value !== null && value !== '' && value !== REDACTED;
      this.emit(this.redactString(raw, owner.found));
      owner.valueAt.push(owner.pieces.length - 1);
      return;
    }
    if (frame?.isObject && frame.key === 'url') {
      this.emit(this.redactString(raw, this.counts, true));
      return;
    }
    if (frame && this.isSecretValue(frame)) {
      const value = decode(raw);
      if (value !== null && value !== '' && value !== REDACTED) {
        countRedaction(this.counts, 'field');
        this.emit(MARKER_JSON);
        return;
      }
    }
    this.emit(this.redactString(raw, this.counts));
  }

  /** A string's content through the text patterns; the original text when nothing was found. */
  private redactString(raw: string, counts: RedactionCounts, isUrl = false): string {
    if (!MAYBE_TEXT_SECRET.test(raw)) return raw;
    const value = decode(raw);
    if (value === null) return raw;
    const redacted = redactText(isUrl ? redactUrlQuery(value, counts) : value, counts);
    return redacted === value ? raw : JSON.stringify(redacted);
  }

  private finishBare(raw: string): void {
    if (!JSON_LITERAL.test(raw)) this.malformed = true;
    const frame = this.top();
    const owner = /^-?\d/.test(raw) ? this.valueOwner() : null;
    if (owner) {
      owner.hasValue = true;
      this.emit(raw);
      owner.valueAt.push(owner.pieces.length - 1);
      return;
    }
    // Numbers only: true/false/null say nothing secret.
    if (frame && !frame.expectKey && this.isSecretValue(frame) && /^-?\d/.test(raw)) {
      countRedaction(this.counts, 'field');
      this.emit(MARKER_JSON);
      return;
    }
    this.emit(raw);
  }
}
