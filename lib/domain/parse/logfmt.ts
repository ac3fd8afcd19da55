/**
 * logfmt (logrus text formatter, go-kit, Heroku): one event per line, each line a sequence of
 * `key=value` pairs read by the hand-written scanner in ./key-value.ts.
 *
 * Invariants: blank lines are not records; a line with no pair at all (a Go panic, a stray
 * banner) is an `unparsed` event, never dropped; `raw` is the line as written and fields are
 * read from the line with terminal escapes removed. Field names then go through
 * normalizeRecord like any structured record (`time`, `level`, `msg`, `request_id`...).
 */
import { unparsedEvent } from '../event';
import { hasAnsi, stripAnsi } from './ansi';
import { DiagnosticLimiter } from './diagnostic-limit';
import { scanKeyValues } from './key-value';
import { isBlankLine } from './blank-line';
import { LineSplitter } from './line-splitter';
import { normalizeRecord } from './record';
import type { IncrementalParser, ParseContext, ParseSink } from './types';

export function createLogfmtParser(sink: ParseSink, context: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const { sourceName } = context;
  const splitter = new LineSplitter((line, lineNumber) => {
    if (isBlankLine(line)) return;
    const locator = { line: lineNumber };
    const text = hasAnsi(line) ? stripAnsi(line) : line;
    const fields: Record<string, unknown> = {};
    const scan = scanKeyValues(text, 0, fields, true);
    if (scan.pairs === 0) {
      const reason = 'not logfmt: no key=value pair';
      sink.event(unparsedEvent(locator, line, reason));
      problems.report(locator, 'not-logfmt', reason);
      return;
    }
    if (scan.unterminated) problems.report(locator, 'unterminated-quote', 'a quoted value has no closing quote; it runs to the end of the line');
    sink.event(normalizeRecord({ fields, locator, raw: line, sourceName }));
  });
  return {
    write: (chunk) => splitter.write(chunk),
    end: () => {
      splitter.end();
      problems.flush();
    },
  };
}
