/**
 * Apache / nginx access logs, Common and Combined Log Format, one event per line:
 *
 *   [vhost] client ident user [dd/Mon/yyyy:hh:mm:ss ±hhmm] "METHOD path PROTO" status bytes
 *     ["referer" "user agent"] [extra fields...]
 *
 * Model: the event's ts is the logged time with its own offset applied (`+0330` is honoured);
 * the name is `METHOD path`, the status is the HTTP status; client, user, referer, user agent,
 * bytes and protocol are attributes. Trailing fields after the combined format are kept: the
 * first quoted one is `x_forwarded_for` when it holds addresses or `-` (nginx's documented
 * `main` format ends with "$http_x_forwarded_for"); the rest go to `extra` in order. No trailing
 * field is guessed to be a request id: identity must come from a named field (spec section 3).
 * A `-` means "absent" in this format and is dropped. The service is the source name: the log
 * does not say which service wrote it.
 * Invariants: blank lines are skipped; any other line that does not match is an unparsed event.
 */
import type { EpochMs } from '../event';
import { unparsedEvent } from '../event';
import { isBlankLine } from './blank-line';
import { DiagnosticLimiter } from './diagnostic-limit';
import { LineSplitter } from './line-splitter';
import { normalizeRecord } from './record';
import type { IncrementalParser, ParseContext, ParseSink } from './types';

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

function num(s: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `10/Oct/2000:13:55:36 -0700` (the `%t` / `$time_local` format) to epoch ms, or null. */
export function parseClfTimestamp(s: string): EpochMs | null {
  if (s.length < 20 || s[2] !== '/' || s[6] !== '/' || s[11] !== ':') return null;
  const day = num(s, 0, 2);
  const month = MONTHS[s.slice(3, 6)];
  const year = num(s, 7, 4);
  const hour = num(s, 12, 2);
  const minute = num(s, 15, 2);
  const second = num(s, 18, 2);
  if (month === undefined || day < 1 || day > 31 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return null;
  let offsetMin = 0;
  const zone = s.slice(20).trim();
  if (zone.length > 0) {
    const sign = zone[0] === '-' ? -1 : zone[0] === '+' ? 1 : 0;
    const hh = num(zone, 1, 2);
    const mm = num(zone, zone[3] === ':' ? 4 : 3, 2);
    if (sign === 0 || hh < 0 || mm < 0) return null;
    offsetMin = sign * (hh * 60 + mm);
  }
  return Date.UTC(year, month, day, hour, minute, second) - offsetMin * 60_000;
}

/** Reads a `"..."` field starting at the quote; Apache escapes `"` inside as `\"`. */
function readQuoted(line: string, start: number): { value: string; next: number } | null {
  let j = start + 1;
  let escaped = false;
  while (j < line.length) {
    const c = line.charCodeAt(j);
    if (c === 92) {
      escaped = true;
      j += 2;
      continue;
    }
    if (c === 34) break;
    j++;
  }
  if (j >= line.length) return null;
  const body = line.slice(start + 1, j);
  // Only \" and \\ are undone; \xhh (Apache's escape of control bytes) stays readable as written.
  return { value: escaped ? body.replace(/\\(["\\])/g, '$1') : body, next: j + 1 };
}

function readToken(line: string, start: number): { value: string; next: number } {
  let j = start;
  while (j < line.length && line.charCodeAt(j) !== 32) j++;
  return { value: line.slice(start, j), next: j };
}

function skipSpaces(line: string, i: number): number {
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

const ADDRESS_LIST = /^[0-9a-fA-F.:]+(?:\s*,\s*[0-9a-fA-F.:]+)*$/;

/** The record fields of one access-log line plus its time, or null when the line is not one. */
export function parseAccessLogLine(line: string): { ts: EpochMs; fields: Record<string, unknown> } | null {
  const open = line.indexOf(' [');
  if (open < 0) return null;
  const close = line.indexOf(']', open + 2);
  if (close < 0) return null;
  const ts = parseClfTimestamp(line.slice(open + 2, close));
  if (ts === null) return null;
  const head = line.slice(0, open).split(' ');
  if (head.length < 3 || head.length > 4 || head.some((t) => t.length === 0)) return null;
  const fields: Record<string, unknown> = {};
  const [client, ident, user] = head.length === 4 ? head.slice(1) : head;
  if (head.length === 4) fields.vhost = head[0];
  set(fields, 'client_ip', client);
  set(fields, 'ident', ident);
  set(fields, 'user', user);

  let i = skipSpaces(line, close + 1);
  if (line.charCodeAt(i) !== 34) return null;
  const request = readQuoted(line, i);
  if (!request) return null;
  readRequestLine(request.value, fields);
  i = skipSpaces(line, request.next);
  const status = readToken(line, i);
  if (!/^(\d{3}|-)$/.test(status.value)) return null;
  if (status.value !== '-') fields.status = Number(status.value);
  i = skipSpaces(line, status.next);
  const bytes = readToken(line, i);
  if (!/^(\d+|-)$/.test(bytes.value)) return null;
  if (bytes.value !== '-') fields.bytes = Number(bytes.value);
  i = bytes.next;

  // Combined format's referer and user agent, then whatever the site's format appends.
  const extra: string[] = [];
  let quotedExtras = 0;
  for (i = skipSpaces(line, i); i < line.length; i = skipSpaces(line, i)) {
    const quoted = line.charCodeAt(i) === 34;
    // A quote left open by a truncated line (a user agent cut short) runs to the end: the
    // request is still readable, and the raw line shows what happened.
    const field = quoted ? (readQuoted(line, i) ?? { value: line.slice(i + 1), next: line.length, cut: true }) : readToken(line, i);
    if ('cut' in field) fields.truncated = true;
    i = field.next;
    if (quoted) quotedExtras++;
    if (quoted && quotedExtras === 1 && extra.length === 0) set(fields, 'referer', field.value);
    else if (quoted && quotedExtras === 2 && extra.length === 0) set(fields, 'user_agent', field.value);
    else if (quoted && quotedExtras === 3 && extra.length === 0 && (field.value === '-' || ADDRESS_LIST.test(field.value)))
      set(fields, 'x_forwarded_for', field.value);
    else extra.push(field.value);
  }
  if (extra.length > 0) fields.extra = extra;
  return { ts, fields };
}

function set(fields: Record<string, unknown>, key: string, value: string | undefined): void {
  if (value !== undefined && value !== '-' && value !== '') fields[key] = value;
}

/** `GET /path HTTP/1.1`; a malformed request line (a TLS probe, `-`) is kept whole as `request`. */
function readRequestLine(request: string, fields: Record<string, unknown>): void {
  const parts = request.split(' ');
  if (parts.length >= 2 && parts.length <= 3 && /^[A-Z]+$/.test(parts[0] ?? '')) {
    fields.method = parts[0];
    fields.path = parts[1];
    if (parts[2] !== undefined) fields.protocol = parts[2];
  } else {
    set(fields, 'request', request);
  }
}

export function createAccessLogParser(sink: ParseSink, context: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const splitter = new LineSplitter((line, lineNumber) => {
    if (isBlankLine(line)) return;
    const locator = { line: lineNumber };
    const parsed = parseAccessLogLine(line);
    if (!parsed) {
      const reason = 'not an access-log line (expected `client ident user [time] "request" status bytes`)';
      sink.event(unparsedEvent(locator, line, reason));
      problems.report(locator, 'not-access-log', reason);
      return;
    }
    if (parsed.fields.truncated === true) problems.report(locator, 'truncated-line', 'the last quoted field has no closing quote; read to the end of the line');
    sink.event(
      normalizeRecord({ fields: parsed.fields, locator, raw: line, sourceName: context.sourceName, defaults: { ts: parsed.ts } }),
    );
  });
  return {
    write: (chunk) => splitter.write(chunk),
    end: () => {
      splitter.end();
      problems.flush();
    },
  };
}
