/**
 * HAR 1.2 parser: one event per `log.entries` element, locator `{ index }` (0-based).
 *
 * Entries are cut out of the stream by the array scanner and parsed one at a time, so a HAR
 * of any size is read with memory bounded by its largest entry (a HAR's bulk is response
 * bodies; V8 cannot hold a string over ~512 MiB). The mapping of one entry is in har-entry.ts.
 *
 * Failure modes: an entry that is not valid JSON or not an object is an `unparsed` event; a
 * file cut inside the entries yields the complete entries, a `truncated` diagnostic and the
 * cut-off text as an `unparsed` event. Only input that is not a HAR at all (not a JSON object,
 * no `log.entries`) fails the source, with a FormatError from end(). Diagnostics (including the
 * entries' own, e.g. `no-response`) go through one DiagnosticLimiter.
 */
import { unparsedEvent, type Locator } from '../event';
import { DiagnosticLimiter } from './diagnostic-limit';
import { harEntryToEvent } from './har-entry';
import { JsonArrayScanner } from './json-array-scanner';
import { excerpt, isObject, tryParseJson } from './json-values';
import { FormatError, type IncrementalParser, type ParseContext, type ParseSink } from './types';

const EXPECTED = 'expected a HAR 1.2 document: a JSON object with log.entries';

export function createHarParser(sink: ParseSink, { sourceName }: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const entry = (text: string, index: number, truncated = false): void => {
    const locator: Locator = { index };
    const parsed = tryParseJson(text);
    if (parsed.ok && isObject(parsed.value)) {
      const { event, diagnostics } = harEntryToEvent(parsed.value, text, index, sourceName);
      sink.event(event);
      for (const d of diagnostics) problems.add(d);
      return;
    }
    const reason = truncated
      ? 'truncated: the file ends inside this HAR entry'
      : parsed.ok
        ? 'HAR entry is not a JSON object'
        : `invalid JSON in HAR entry: ${parsed.error}`;
    sink.event(unparsedEvent(locator, text, reason));
    problems.report(locator, truncated ? 'truncated' : parsed.ok ? 'not-an-object' : 'invalid-json', `${reason}: ${excerpt(text)}`);
  };
  const scanner = new JsonArrayScanner(
    (path) => path.length === 2 && path[0] === 'log' && path[1] === 'entries',
    2,
    (text, index) => entry(text, index),
  );

  return {
    write(chunk) {
      scanner.write(chunk);
    },
    end() {
      const result = scanner.finish();
      if (result.rootChar !== '{') {
        const found = result.rootChar === null ? 'empty input' : `input starting with ${JSON.stringify(result.rootChar)}`;
        throw new FormatError(`${EXPECTED}, found ${found}`, 'har');
      }
      if (!result.found) throw new FormatError(`${EXPECTED}; no log.entries array was found`, 'har');
      // One diagnostic for the cut: the cut-off element's own, or else the missing bracket's.
      const cutOff = result.pending !== null && !tryParseJson(result.pending).ok;
      if (result.pending !== null) entry(result.pending, result.elements, cutOff);
      if (!result.closed && !cutOff) {
        const at = result.elements + (result.pending !== null ? 1 : 0);
        problems.add({
          locator: { index: at },
          code: 'truncated',
          message: `log.entries ends without its closing bracket after ${at} entries: the HAR file is truncated`,
        });
      }
      problems.flush();
    },
  };
}
