/**
 * logfmt (logrus text formatter, go-kit, Heroku): one event per line, each line a sequence of
 * `key=value` pairs read by the hand-written scanner in ./key-value.ts.
 *
 * Invariants: blank lines are not records; a line with no pair at all (a Go panic, a stray
 * banner) is an `unparsed` event, never dropped; `raw` is the line as written and fields are
 * read from the line with terminal escapes removed. Field names then go through
 * normalizeRecord like any structured record (`time`, `level`, `msg`, `request_id`...).
 * Diagnostics: `not-logfmt`, `unterminated-quote`, `truncated-json` (a message that opens like
 * JSON but does not parse), and one `ansi-escapes` per source; at most 200 per code.
 */
import { unparsedEvent } from '../event';
import { hasAnsi, reportAnsiEscapes, stripAnsi } from './ansi';
import { DiagnosticLimiter, Tally } from './diagnostic-limit';
import { scanKeyValues } from './key-value';
import { isBlankLine } from './blank-line';
import { LineSplitter } from './line-splitter';
import { brokenJsonReason, normalizeRecord, type RecordNotes } from './record';
import type { IncrementalParser, ParseContext, ParseSink } from './types';

export function createLogfmtParser(sink: ParseSink, context: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const ansi = new Tally();
  const notes: RecordNotes = {};
  const { sourceName } = context;
  const splitter = new LineSplitter((line, lineNumber) => {
    if (isBlankLine(line)) return;
    const locator = { line: lineNumber };
    let text = line;
    if (hasAnsi(line)) {
      text = stripAnsi(line);
      ansi.add(locator);
    }
    const fields: Record<string, unknown> = {};
    const scan = scanKeyValues(text, 0, fields, true);
    if (scan.pairs === 0) {
      const reason = 'not logfmt: no key=value pair';
      sink.event(unparsedEvent(locator, line, reason));
      problems.report(locator, 'not-logfmt', reason);
      return;
    }
    if (scan.unterminated) problems.report(locator, 'unterminated-quote', 'a quoted value has no closing quote; it runs to the end of the line');
    sink.event(normalizeRecord({ fields, locator, raw: line, sourceName }, notes));
    if (notes.brokenJson !== undefined) {
      problems.report(locator, 'truncated-json', brokenJsonReason(notes.brokenJson));
      notes.brokenJson = undefined;
    }
  });
  return {
    write: (chunk) => splitter.write(chunk),
    end: () => {
      splitter.end();
      reportAnsiEscapes(problems, ansi);
      problems.flush();
    },
  };
}
