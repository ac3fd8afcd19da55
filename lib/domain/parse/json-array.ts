/**
 * JSON documents of log records (format `json`): one event per record, locator `{ index }`
 * (0-based).
 *
 * Shapes, in the order they are tried:
 * 1. an array at the root: each element is a record;
 * 2. an object holding its records in an array under a well-known key (a Kubernetes `items`
 *    list, a CloudWatch subscription `logEvents` payload, `records`/`Records`, `events`,
 *    `entries`, `logs`, `results`): each element of the first such array is a record, and the
 *    envelope's other fields are not (they describe the batch, not an event);
 * 3. any other object: the whole object is one record (a Google Cloud LogEntry);
 * 4. several top-level objects one after the other (`jq .` output): each is a record.
 *
 * Shapes 1-2 stream through the array scanner, so the document is never one string; shapes
 * 3-4 buffer the text, up to MAX_DOCUMENT_CHARS.
 *
 * Nothing is lost: a non-object element, or one that does not parse, is an `unparsed` event;
 * a truncated array yields events for its complete elements, a `truncated` diagnostic and an
 * `unparsed` event holding the cut-off text. A record whose message field opens like JSON but
 * does not parse (CloudWatch's CloudTrail events cut at a size limit) keeps the text as its
 * message, with a `truncated-json` diagnostic. Diagnostics go through a DiagnosticLimiter.
 */
import { unparsedEvent, type Locator } from '../event';
import { DiagnosticLimiter } from './diagnostic-limit';
import { JsonArrayScanner } from './json-array-scanner';
import { excerpt, isObject, MAX_DOCUMENT_CHARS, tryParseJson } from './json-values';
import { brokenJsonReason, isCutOffJson, normalizeRecord, type RecordNotes } from './record';
import { FormatError, type IncrementalParser, type ParseContext, type ParseSink } from './types';

/** Keys (lower-cased) under which an envelope object holds its records. */
export const RECORD_ARRAY_KEYS: ReadonlySet<string> = new Set([
  'items',
  'logevents',
  'records',
  'events',
  'entries',
  'logs',
  'results',
]);

export function isRecordArrayKey(key: string): boolean {
  return RECORD_ARRAY_KEYS.has(key.toLowerCase());
}

/** Splits `{...} {...}` (values written one after the other) into the text of each value. */
export function splitConcatenatedJson(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (start < 0) start = i;
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && depth > 0 && --depth === 0) {
      pieces.push(text.slice(start, i + 1));
      start = -1;
    }
  }
  if (start >= 0) pieces.push(text.slice(start).trimEnd());
  return pieces;
}

export function createJsonArrayParser(sink: ParseSink, { sourceName }: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const notes: RecordNotes = {};
  const record = (text: string, index: number, truncated = false): void => {
    const locator: Locator = { index };
    const parsed = tryParseJson(text);
    if (parsed.ok && isObject(parsed.value)) {
      sink.event(normalizeRecord({ fields: parsed.value, locator, raw: text, sourceName }, notes));
      if (notes.brokenJson !== undefined) {
        problems.report(locator, 'truncated-json', brokenJsonReason(notes.brokenJson));
        notes.brokenJson = undefined;
      }
      return;
    }
    const reason = truncated
      ? 'truncated: the input ends inside this element'
      : parsed.ok
        ? 'JSON value is not an object'
        : `invalid JSON: ${parsed.error}`;
    const code = truncated ? 'truncated' : parsed.ok ? 'not-an-object' : 'invalid-json';
    sink.event(unparsedEvent(locator, text, reason));
    problems.report(locator, code, `${reason}: ${excerpt(text)}`);
  };

  const scanner = new JsonArrayScanner(
    (path) => path.length === 0 || (path.length === 1 && isRecordArrayKey(path[0] ?? '')),
    1,
    (text, index) => record(text, index),
  );
  // Kept only until the records array is found: shapes 3-4 need the whole text.
  let buffered: string[] = [];
  let bufferedChars = 0;
  let tooLarge = false;
  let first = true;

  return {
    write(chunk) {
      if (first && chunk.length > 0) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      scanner.write(chunk);
      if (scanner.found) {
        buffered = [];
        return;
      }
      bufferedChars += chunk.length;
      if (bufferedChars > MAX_DOCUMENT_CHARS) tooLarge = true;
      else buffered.push(chunk);
    },
    end() {
      const result = scanner.finish();
      if (result.rootChar === null) return;
      if (result.found) {
        // One diagnostic for the cut: the cut-off element's own, or else the missing bracket's.
        const cutOff = result.pending !== null && !tryParseJson(result.pending).ok;
        if (result.pending !== null) record(result.pending, result.elements, cutOff);
        if (!result.closed && !cutOff) {
          const at = result.elements + (result.pending !== null ? 1 : 0);
          problems.add({
            locator: { index: at },
            code: 'truncated',
            message: `the JSON array ends without its closing bracket after ${at} elements: the input is truncated`,
          });
        }
        problems.flush();
        return;
      }
      if (result.rootChar !== '{') {
        throw new FormatError(`expected a JSON array or object, found ${JSON.stringify(result.rootChar)}`, 'json');
      }
      if (tooLarge) {
        throw new FormatError(
          `a JSON object without a records array is read whole, and this one exceeds ${MAX_DOCUMENT_CHARS / 1024 / 1024} MiB`,
          'json',
        );
      }
      const text = buffered.join('').trim();
      buffered = [];
      const whole = tryParseJson(text);
      if (whole.ok) {
        record(text, 0);
      } else {
        const pieces = splitConcatenatedJson(text);
        pieces.forEach((piece, index) => {
          const cut = index === pieces.length - 1 && !tryParseJson(piece).ok && /[[{]/.test(piece[0] ?? '');
          record(piece, index, cut && isCutOffJson(piece));
        });
      }
      problems.flush();
    },
  };
}
