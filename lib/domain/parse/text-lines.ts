/**
 * Text logs whose records open with a timestamp (log4j, logback, Python logging, zap console,
 * `docker compose` output): one event per record, where a record is its opening line plus the
 * continuation lines under it.
 *
 * Model:
 * - A line that opens with a timestamp (./text-header.ts) starts a record; `key=value` pairs in
 *   its message are fields, and the header's time, level and message are the defaults that
 *   normalizeRecord falls back on.
 * - Any other line continues the record above (stack traces, wrapped messages: indented or
 *   not): it is appended to the record's raw text and message, never a record of its own.
 *   Lines before the first record are unparsed events. A record that grows past
 *   MAX_RECORD_CHARS is closed, and the lines that would still continue it become unparsed
 *   events, so one runaway dump cannot hold the file in memory.
 * - `docker compose` lines (./docker-compose.ts) are records of their container, with the
 *   service from the prefix; their own time if the text opens with one, otherwise ts null
 *   (reported once per source). An indented line continues the previous record of the same
 *   container (a Python traceback).
 * - `raw` keeps the lines as written, escapes included; the message has escapes removed, and
 *   one `ansi-escapes` diagnostic per source says so (at the first such line, with the count).
 */
import type { EpochMs, Locator } from '../event';
import { unparsedEvent } from '../event';
import { hasAnsi, reportAnsiEscapes, stripAnsi } from './ansi';
import { isBlankLine } from './blank-line';
import { DiagnosticLimiter, Tally } from './diagnostic-limit';
import { parseRedisLine, splitComposePrefix } from './docker-compose';
import { normalizeLevel } from './fields/level';
import { scanKeyValues } from './key-value';
import { LineSplitter } from './line-splitter';
import { normalizeRecord } from './record';
import { parseTextHeader } from './text-header';
import type { IncrementalParser, ParseContext, ParseSink } from './types';

/** 1 MiB: far above any real stack trace, small enough to bound memory. */
export const MAX_RECORD_CHARS = 1 << 20;

interface PendingRecord {
  locator: { line: number };
  raw: string;
  continuation: string;
  ts: EpochMs | null;
  level: string | null;
  message: string;
  service: string | null;
  container: string | null;
  fields: Record<string, unknown>;
}

/** A continuation inside compose output: indented text under a record of the same container. */
function isIndented(body: string): boolean {
  return body.charCodeAt(0) === 9 || (body.charCodeAt(0) === 32 && body.charCodeAt(1) === 32);
}

export function createTextLinesParser(sink: ParseSink, context: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const ansi = new Tally();
  let pending: PendingRecord | null = null;
  let overflowing = false;
  let untimed = 0;
  let firstUntimed: Locator | null = null;

  function flush(): void {
    if (!pending) return;
    const p = pending;
    pending = null;
    const event = normalizeRecord({
      fields: p.fields,
      locator: p.locator,
      raw: p.raw,
      sourceName: context.sourceName,
      defaults: { ts: p.ts, level: p.level, message: p.message, service: p.service },
    });
    if (p.continuation.length > 0) event.message = (event.message ?? '') + p.continuation;
    if (event.ts === null && p.container !== null && untimed++ === 0) firstUntimed = p.locator;
    sink.event(event);
  }

  function start(
    line: string,
    lineNumber: number,
    head: { ts: EpochMs | null; level: string | null; message: string; fields: Record<string, unknown> },
    compose: { container: string; service: string } | null,
  ): void {
    flush();
    overflowing = false;
    // Pairs found in the prose fill gaps; what the header itself says (zap's JSON, thread,
    // logger, redis' pid) is the line's own structure and wins.
    const fields: Record<string, unknown> = {};
    scanKeyValues(head.message, 0, fields, false);
    Object.assign(fields, head.fields);
    if (compose) fields.container = compose.container;
    pending = {
      locator: { line: lineNumber },
      raw: line,
      continuation: '',
      ts: head.ts,
      level: normalizeLevel(head.level),
      message: head.message,
      service: compose?.service ?? null,
      container: compose?.container ?? null,
      fields,
    };
  }

  function unparsed(line: string, lineNumber: number, code: string, reason: string): void {
    const locator = { line: lineNumber };
    sink.event(unparsedEvent(locator, line, reason));
    problems.report(locator, code, reason);
  }

  function append(line: string, text: string, lineNumber: number): void {
    if (!pending) {
      if (overflowing) unparsed(line, lineNumber, 'record-too-long', `continues a record longer than ${MAX_RECORD_CHARS} characters`);
      else unparsed(line, lineNumber, 'no-timestamp', 'no timestamp, and no timestamped line above it to continue');
      return;
    }
    pending.raw += '\n' + line;
    pending.continuation += '\n' + text;
    if (pending.raw.length > MAX_RECORD_CHARS) {
      flush();
      overflowing = true;
    }
  }

  const splitter = new LineSplitter((line, lineNumber) => {
    if (isBlankLine(line)) return;
    let text = line;
    if (hasAnsi(line)) {
      text = stripAnsi(line);
      ansi.add({ line: lineNumber });
    }
    const header = parseTextHeader(text);
    if (header) return start(line, lineNumber, header, null);
    const compose = splitComposePrefix(text);
    if (!compose) return append(line, text, lineNumber);
    const body = compose.body;
    if (pending?.container === compose.container && isIndented(body)) return append(line, body, lineNumber);
    const head = parseTextHeader(body) ?? parseRedisLine(body) ?? { ts: null, level: null, message: body.trim(), fields: {} };
    start(line, lineNumber, head, compose);
  });

  return {
    write: (chunk) => splitter.write(chunk),
    end: () => {
      splitter.end();
      flush();
      if (untimed > 0) {
        problems.report(
          firstUntimed,
          'missing-timestamp',
          `${untimed} docker compose lines carry no time of their own; their events have no ts (run compose with --timestamps to get one)`,
        );
      }
      reportAnsiEscapes(problems, ansi);
      problems.flush();
    },
  };
}
