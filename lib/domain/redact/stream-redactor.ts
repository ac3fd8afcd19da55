/**
 * Redaction of a whole evidence file as decoded text, chunk by chunk, in the shape its format
 * has (the same detection as parsing, on the same first DETECT_HEAD_CHARS characters):
 *
 * - JSON documents (HAR, `json`, OTLP, Jaeger, Zipkin): one JsonRedactor over the whole text;
 *   OTLP and Jaeger written one document per line (a collector's file) go line by line instead,
 *   as JSON lines do below.
 * - CSV and TSV: the cells of columns whose header names a secret (csv-redactor.ts), then
 *   line by line as below.
 * - Everything else is line-oriented: a line opening with `{` or `[` (JSON lines, OTLP one
 *   request per line) goes through a JsonRedactor of its own, any other line through the text
 *   patterns. Line ends are kept as they were. Lines that mightHoldSecret rules out (nearly all
 *   of a log) are passed on without either: the same output, twenty times faster.
 *
 * The output differs from the input only in redacted values, so it parses to the same events.
 * Memory stays bounded by one chunk plus one line (text lines longer than MAX_TEXT_LINE are
 * redacted in pieces of that size: a secret cut by such a piece boundary could survive, which
 * no real log line reaches) or, for JSON, one string value.
 */
import { DETECT_HEAD_CHARS, detectFormat, type FormatId } from '../parse';
import { tryParseJson } from '../parse/json-values';
import { CsvColumnRedactor } from './csv-redactor';
import { JsonRedactor } from './json-redactor';
import { mightHoldSecret } from './might-hold-secret';
import type { RedactionCounts } from './redaction-counts';
import { redactText } from './redact-text';

const JSON_DOCUMENTS: ReadonlySet<FormatId> = new Set(['har', 'json', 'otlp', 'jaeger', 'zipkin']);
/** The text parsers cap a record at 1 MiB; a longer line is redacted in pieces. */
export const MAX_TEXT_LINE = 1 << 20;
/**
 * A held line this long ends through writeAfterHeld, which saves a copy of it. Shorter ones are
 * joined to what follows as before: for JSON lines (a short line held across each 64 KiB
 * piece) the other path measured no faster, 0-5% slower.
 */
const LONG_HELD_LINE = 64 * 1024;
const BOM = '\ufeff';

export interface StreamRedactor {
  /** Redacts the next decoded text; returns the output that is final so far. */
  write(text: string): string;
  /** The input ended: the rest of the output. */
  end(): string;
  /** What was redacted so far. */
  readonly counts: RedactionCounts;
}

interface Mode {
  write(text: string): string;
  end(): string;
}

/** Starts like a JSON value: JSON lines, OTLP one request per line. */
function opensJson(line: string): boolean {
  const start = line.trimStart();
  return start.startsWith('{') || start.startsWith('[');
}

class LineMode implements Mode {
  private line = '';
  /** A JSON line longer than MAX_TEXT_LINE, streamed through instead of held. */
  private json: JsonRedactor | null = null;

  constructor(private readonly counts: RedactionCounts) {}

  write(text: string): string {
    let out = '';
    let from = 0;
    // The line held from the last chunk ends at this chunk's first line end.
    if (this.line.length > 0 && this.json === null) {
      const nl = text.indexOf('\n');
      if (nl < 0) return this.append(text);
      if (this.line.length >= LONG_HELD_LINE && this.line.length + nl < MAX_TEXT_LINE) return this.writeAfterHeld(text, nl);
    }
    if (this.line.length > 0 || this.json) {
      const nl = text.indexOf('\n');
      if (nl < 0) return this.append(text);
      out = this.append(text.slice(0, nl)) + this.endLine() + '\n';
      from = nl + 1;
    }
    // The complete lines: most chunks of a log hold nothing to redact and pass whole.
    const last = text.lastIndexOf('\n');
    if (last >= from) {
      const lines = text.slice(from, last + 1);
      out += mightHoldSecret(lines) ? this.redactLines(lines) : lines;
      from = last + 1;
    }
    return out + this.append(text.slice(from));
  }

  /**
   * The held line ends at `text[nl]`. The held line and the text become one string, copied once
   * (by the first slice taken of it); the held line, its newline and the text's complete lines
   * then pass on as one slice of that string when redaction leaves them as they are. Joined as
   * `line + '\n' + lines` they made a new string that whoever read it next copied again: for
   * OTLP written one ~480 KB export request per line, 1.8 ms of fresh memory per line here.
   */
  private writeAfterHeld(text: string, nl: number): string {
    const whole = this.line + text;
    const lineEnd = this.line.length + nl;
    this.line = '';
    const line = whole.slice(0, lineEnd);
    const redactedLine = this.redactLine(line);
    const last = whole.lastIndexOf('\n');
    const lines = whole.slice(lineEnd + 1, last + 1);
    const redactedLines = mightHoldSecret(lines) ? this.redactLines(lines) : lines;
    const done = redactedLine === line && redactedLines === lines ? whole.slice(0, last + 1) : `${redactedLine}\n${redactedLines}`;
    const rest = this.append(whole.slice(last + 1));
    return rest === '' ? done : done + rest;
  }

  /**
   * Complete lines, redacted. A run of lines that stay as they were is passed on as one slice
   * of `lines`, not line by line: `out += line + '\n'` built a string of thousands of pieces (a
   * V8 cons string), which whoever read it next had to copy into one first.
   */
  private redactLines(lines: string): string {
    let out = '';
    let keptFrom = 0;
    for (let from = 0, nl = lines.indexOf('\n'); nl >= 0; from = nl + 1, nl = lines.indexOf('\n', from)) {
      const line = lines.slice(from, nl);
      const redacted = this.redactLine(line);
      if (redacted === line) continue;
      out += lines.slice(keptFrom, from) + redacted + '\n';
      keptFrom = nl + 1;
    }
    return keptFrom === 0 ? lines : out + lines.slice(keptFrom);
  }

  end(): string {
    return this.endLine();
  }

  private append(piece: string): string {
    if (this.json) return this.json.write(piece);
    this.line += piece;
    if (this.line.length < MAX_TEXT_LINE) return '';
    const held = this.line;
    this.line = '';
    if (!opensJson(held)) return redactText(held, this.counts);
    this.json = new JsonRedactor(this.counts);
    return this.json.write(held);
  }

  /**
   * A line opening with `{` or `[` goes through JSON redaction; when it turns out not to be JSON
   * (`[INFO] password=x`) through the text patterns too (on JSON text they find nothing more:
   * what they would match is already the marker).
   */
  private endLine(): string {
    if (this.json) {
      const rest = this.json.end();
      this.json = null;
      return rest;
    }
    const line = this.line;
    this.line = '';
    return this.redactLine(line);
  }

  private redactLine(line: string): string {
    if (!mightHoldSecret(line)) return line;
    if (!opensJson(line)) return redactText(line, this.counts);
    const json = new JsonRedactor(this.counts);
    const redacted = json.write(line);
    if (json.wellFormed) return redacted + json.end();
    return redactText(redacted + json.end(), this.counts);
  }
}

/** Formats read as one document or as one document per line (json-documents.ts). */
const DOCUMENTS_OR_LINES: ReadonlySet<FormatId> = new Set(['otlp', 'jaeger']);
/** How much text to hold, looking for the end of the first line, before settling on one document. */
const MAX_FIRST_LINE = 64 << 20;

/**
 * Whether the text is one JSON document per line, decided as json-documents.ts does (the first
 * non-blank line is valid JSON on its own); null while the first line is not complete.
 */
function isDocumentPerLine(text: string, final: boolean): boolean | null {
  let start = text.startsWith(BOM) ? 1 : 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      if (!final && text.length < MAX_FIRST_LINE) return null;
      const last = text.slice(start);
      return final && last.trim().length > 0 ? tryParseJson(last).ok : false;
    }
    const line = text.slice(start, nl);
    if (line.trim().length > 0) return tryParseJson(line).ok;
    start = nl + 1;
  }
}

export function createStreamRedactor(): StreamRedactor {
  const counts: RedactionCounts = {};
  let head = '';
  let detected: FormatId | null | undefined;
  let mode: Mode | null = null;

  /** The mode for the held text, or null while it cannot be told yet. */
  const choose = (final: boolean): Mode | null => {
    detected ??= detectFormat(head.startsWith(BOM) ? head.slice(1) : head).format;
    if (detected !== null && DOCUMENTS_OR_LINES.has(detected)) {
      // A collector's file (one request per line) is redacted line by line, where lines that
      // cannot hold a secret skip the rules; the result is the same as over the whole text.
      const perLine = isDocumentPerLine(head, final);
      if (perLine === null) return null;
      return perLine ? new LineMode(counts) : new JsonRedactor(counts);
    }
    if (detected !== null && JSON_DOCUMENTS.has(detected)) return new JsonRedactor(counts);
    if (detected === 'csv' || detected === 'tsv') return new CsvColumnRedactor(detected === 'csv' ? ',' : '\t', counts, new LineMode(counts));
    return new LineMode(counts);
  };

  const start = (final: boolean): string => {
    mode = choose(final);
    if (mode === null) return '';
    const held = head;
    head = '';
    return mode.write(held);
  };

  return {
    counts,
    write(text) {
      if (mode) return mode.write(text);
      head += text;
      return head.length < DETECT_HEAD_CHARS ? '' : start(false);
    },
    end() {
      const rest = mode ? '' : start(true);
      const started = mode as Mode | null;
      return rest + (started ? started.end() : '');
    },
  };
}
