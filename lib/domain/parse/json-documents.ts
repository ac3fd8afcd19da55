/**
 * Reads input that is either one JSON document (pretty-printed or not) or one document per
 * line (OTLP file exporters, NDJSON dumps), for the trace formats whose envelopes are parsed
 * whole (OTLP, Jaeger).
 *
 * The first non-blank line decides: when it parses on its own the input is read line by line,
 * streaming, each line a document (a minified single-line file is simply one line); otherwise
 * the input is one document, buffered and parsed at end(). Buffering stops at
 * MAX_DOCUMENT_CHARS with a FormatError: V8 cannot hold much more in one string.
 *
 * In line mode a line that does not parse is handed to `badLine` (the parser makes it an
 * unparsed event); in document mode a document that does not parse fails the whole input,
 * because nothing in it can be located.
 */
import type { FormatId } from './formats';
import { LineSplitter } from './line-splitter';
import { MAX_DOCUMENT_CHARS, tryParseJson } from './json-values';
import { FormatError, type IncrementalParser } from './types';

export interface JsonDocumentHandlers {
  /** A parsed document; `line` is its 1-based line in line mode, null for a whole document. */
  document(value: unknown, line: number | null, raw: string): void;
  badLine(text: string, line: number, error: string): void;
}

export function createJsonDocumentReader(
  format: FormatId,
  expected: string,
  handlers: JsonDocumentHandlers,
): IncrementalParser {
  let mode: 'undecided' | 'lines' | 'document' = 'undecided';
  let chunks: string[] = [];
  let chars = 0;
  let tooLarge = false;
  const splitter = new LineSplitter((line, lineNumber) => {
    if (line.trim().length === 0) return;
    const parsed = tryParseJson(line);
    if (parsed.ok) handlers.document(parsed.value, lineNumber, line);
    else handlers.badLine(line, lineNumber, parsed.error);
  });

  const buffer = (chunk: string): void => {
    chars += chunk.length;
    if (chars > MAX_DOCUMENT_CHARS) {
      tooLarge = true;
      chunks = [];
    } else if (!tooLarge) chunks.push(chunk);
  };

  /** The mode, once the first non-blank line is complete; null while it is not. */
  const decide = (text: string): 'lines' | 'document' | null => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) return null;
      const line = text.slice(start, nl);
      if (line.trim().length > 0) return tryParseJson(line).ok ? 'lines' : 'document';
      start = nl + 1;
    }
  };

  let first = true;
  return {
    write(chunk) {
      if (first && chunk.length > 0) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      if (mode === 'lines') return splitter.write(chunk);
      if (mode === 'document') return buffer(chunk);
      buffer(chunk);
      // Only a chunk with a newline can complete the first line: never rescan the whole head.
      if (tooLarge || chunk.indexOf('\n') < 0) return;
      const text = chunks.join('');
      chunks = [text];
      const decided = decide(text);
      if (decided === null) return;
      mode = decided;
      if (decided === 'lines') {
        chunks = [];
        chars = 0;
        splitter.write(text);
      }
    },
    end() {
      if (mode === 'lines') return splitter.end();
      if (tooLarge) {
        throw new FormatError(
          `${expected}; the input is read whole and exceeds ${MAX_DOCUMENT_CHARS / 1024 / 1024} MiB`,
          format,
        );
      }
      const text = chunks.join('');
      chunks = [];
      if (text.trim().length === 0) throw new FormatError(`${expected}, found empty input`, format);
      const parsed = tryParseJson(text);
      if (!parsed.ok) throw new FormatError(`${expected}; the input is not valid JSON: ${parsed.error}`, format);
      handlers.document(parsed.value, null, text);
    },
  };
}
