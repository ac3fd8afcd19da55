/**
 * JSON lines (pino, bunyan, zap, journald, Docker json-file, cloud log exports): one event per
 * line, locator `{ line }` (1-based, counting every line as an editor does).
 *
 * - A line holding a JSON object is a record, normalized by record.ts.
 * - A blank line is not a record: it emits nothing and loses nothing (its number still counts).
 * - Anything else (a `# comment`, plain text, JSON that does not parse, a JSON value that is
 *   not an object) becomes an `unparsed` event with the line's text, plus a diagnostic naming
 *   the line and the reason, so nothing is lost and the file still ingests.
 * - A record whose message field opens like JSON but does not parse (a CloudTrail event cut
 *   off by a size limit) keeps the text as its message, with a `truncated-json` diagnostic.
 * - Diagnostics go through a DiagnosticLimiter: at most 200 per code, then one "N more".
 *
 * This is the hot path of bulk ingest (1M lines): per line one JSON.parse and one
 * normalizeRecord, nothing else.
 */
import { unparsedEvent, type Locator } from '../event';
import { DiagnosticLimiter } from './diagnostic-limit';
import { excerpt, isObject } from './json-values';
import { LineSplitter } from './line-splitter';
import { brokenJsonReason, normalizeRecord, type RecordNotes } from './record';
import type { IncrementalParser, ParseContext, ParseSink } from './types';

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xfeff) return false;
  }
  return true;
}

function firstNonSpace(line: string): string {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xfeff) return line[i] ?? '';
  }
  return '';
}

/** Why a non-record line is not one: a stable code and a human reason. */
function classify(line: string, parseError: string | null): { code: string; reason: string } {
  const first = firstNonSpace(line);
  if (parseError === null) return { code: 'not-an-object', reason: 'JSON value is not an object' };
  if (first === '#' || line.trimStart().startsWith('//')) return { code: 'comment-line', reason: 'comment line, not JSON' };
  if (first === '{' || first === '[') return { code: 'invalid-json', reason: `invalid JSON: ${parseError}` };
  return { code: 'not-json', reason: 'line is not JSON' };
}

export function createJsonLinesParser(sink: ParseSink, { sourceName }: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const notes: RecordNotes = {};
  const onLine = (line: string, lineNumber: number): void => {
    if (line.length === 0 || isBlank(line)) return;
    const locator: Locator = { line: lineNumber };
    let value: unknown;
    let parseError: string | null = null;
    try {
      value = JSON.parse(line);
    } catch (err) {
      parseError = err instanceof Error ? err.message : String(err);
    }
    if (parseError === null && isObject(value)) {
      sink.event(normalizeRecord({ fields: value, locator, raw: line, sourceName }, notes));
      if (notes.brokenJson !== undefined) {
        problems.report(locator, 'truncated-json', brokenJsonReason(notes.brokenJson));
        notes.brokenJson = undefined;
      }
      return;
    }
    const { code, reason } = classify(line, parseError);
    sink.event(unparsedEvent(locator, line, reason));
    problems.report(locator, code, `${reason}: ${excerpt(line)}`);
  };
  const splitter = new LineSplitter(onLine);
  let first = true;
  return {
    write(chunk) {
      // The pipeline strips the BOM; a caller that did not must not turn line 1 into garbage.
      if (first && chunk.length > 0) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      splitter.write(chunk);
    },
    end() {
      splitter.end();
      problems.flush();
    },
  };
}
