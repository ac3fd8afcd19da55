/**
 * Syslog sources: one event per message (RFC 5424, RFC 3164, PRI-less BSD lines; see
 * ./syslog-message.ts), framed either by newlines (files) or by RFC 6587 octet counting
 * (`215 <86>1 ...`, TCP captures and Heroku logplex drains, where frames run back to back
 * without newlines).
 *
 * The framing is decided once, from the first text of the source: a number, a space and `<`
 * is octet counting. Octet counts are UTF-8 bytes, so they are measured on the decoded text
 * char by char. A frame whose header is broken falls back to "up to the next newline".
 *
 * Event model: level from PRI % 8 (fields/level.ts); service = APP-NAME / TAG, else the source
 * name; ts from the header; a year-less BSD time is dated by the context's reference time (the
 * most recent year that puts it at or before that time + 1 day, ./syslog-message.ts
 * bsdTimeBefore), or has ts null without one; either way it is kept as written in
 * `syslog_time` and one `year-less-timestamp` diagnostic per source says what was done; host,
 * pid, msgid and facility, RFC 5424 structured-data parameters (by name, or `sdid.name` when two
 * elements share a name) and `key=value` pairs in the message are fields (SD wins over prose).
 * `raw` is the message text without its octet count; locators are the line a frame starts on.
 * Terminal escapes are removed before parsing (one `ansi-escapes` diagnostic per source).
 */
import type { Locator } from '../event';
import { unparsedEvent } from '../event';
import { hasAnsi, reportAnsiEscapes, stripAnsi } from './ansi';
import { isBlankLine } from './blank-line';
import { DiagnosticLimiter, Tally } from './diagnostic-limit';
import { fromSyslogSeverity } from './fields/level';
import { scanKeyValues } from './key-value';
import { LineSplitter } from './line-splitter';
import { normalizeRecord } from './record';
import { bsdTimeBefore, parseSyslogMessage } from './syslog-message';
import type { IncrementalParser, ParseContext, ParseSink } from './types';

const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit',
  'alert', 'clock', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];

/** Index in `s` after `bytes` UTF-8 bytes from `start`, or -1 when `s` ends first. */
function indexAfterUtf8Bytes(s: string, start: number, bytes: number): number {
  let i = start;
  let count = 0;
  while (count < bytes) {
    if (i >= s.length) return -1;
    const c = s.charCodeAt(i);
    if (c < 0x80) count += 1;
    else if (c < 0x800) count += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      count += 4;
      i++;
    } else count += 3;
    i++;
  }
  return i;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export function createSyslogParser(sink: ParseSink, context: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const ansi = new Tally();
  const yearless = new Tally();
  const reference = context.referenceTimeMs !== undefined && Number.isFinite(context.referenceTimeMs) ? context.referenceTimeMs : null;
  let dated = 0;
  let minYear = Infinity;
  let maxYear = -Infinity;

  function emit(text: string, locator: Locator): void {
    let clean = text;
    if (hasAnsi(text)) {
      clean = stripAnsi(text);
      ansi.add(locator);
    }
    const parsed = parseSyslogMessage(clean);
    if (!parsed) {
      const reason = 'not a syslog message (RFC 5424, RFC 3164 or `Mmm dd hh:mm:ss host tag: msg`)';
      sink.event(unparsedEvent(locator, text, reason));
      problems.report(locator, 'not-syslog', reason);
      return;
    }
    let ts = parsed.ts;
    if (parsed.yearless !== null) {
      yearless.add(locator);
      const assumed = reference !== null ? bsdTimeBefore(parsed.yearless, reference) : null;
      if (assumed !== null) {
        ts = assumed.ts;
        dated++;
        minYear = Math.min(minYear, assumed.year);
        maxYear = Math.max(maxYear, assumed.year);
      }
    }
    const fields: Record<string, unknown> = {};
    scanKeyValues(parsed.message, 0, fields, false);
    // Structured data is the sender's own structure: it wins over pairs found in the prose.
    const sdNames = new Set<string>();
    for (const element of parsed.structuredData) {
      for (const [name, value] of Object.entries(element.params)) {
        fields[sdNames.has(name) ? `${element.id}.${name}` : name] = value;
        sdNames.add(name);
      }
    }
    if (parsed.host !== null) fields.host = parsed.host;
    if (parsed.procId !== null) fields.pid = parsed.procId;
    if (parsed.msgId !== null) fields.msgid = parsed.msgId;
    if (parsed.priority !== null) fields.facility = FACILITIES[parsed.priority >> 3] ?? parsed.priority >> 3;
    if (parsed.yearless !== null) fields.syslog_time = parsed.yearless;
    sink.event(
      normalizeRecord({
        fields,
        locator,
        raw: text,
        sourceName: context.sourceName,
        defaults: {
          ts,
          level: parsed.priority !== null ? fromSyslogSeverity(parsed.priority & 7) : null,
          service: parsed.app,
          message: parsed.message.trimEnd(),
        },
      }),
    );
  }

  function reportYearless(): void {
    const n = yearless.count;
    if (n === 0) return;
    const some = n === 1 ? '1 RFC 3164 timestamp has' : `${n} RFC 3164 timestamps have`;
    if (reference === null || dated === 0) {
      problems.report(
        yearless.first,
        'year-less-timestamp',
        `${some} no year; ${n === 1 ? 'its event keeps' : 'their events keep'} the time as written (syslog_time) but ${n === 1 ? 'has' : 'have'} no ts` +
          (reference === null ? '' : ' (none could be read as a date)'),
      );
      return;
    }
    const years = minYear === maxYear ? String(minYear) : maxYear - minYear === 1 ? `${minYear} and ${maxYear}` : `${minYear} to ${maxYear}`;
    const origin = context.referenceTimeLabel ? ` (${context.referenceTimeLabel})` : '';
    const undated = n - dated > 0 ? `; ${n - dated} of them are no valid date and have no ts` : '';
    problems.report(
      yearless.first,
      'year-less-timestamp',
      `${some} no year: dated ${years}, the most recent year that puts ${n === 1 ? 'it' : 'each'} at or before one day after ` +
        `${new Date(reference).toISOString()}${origin}, as syslog readers do; the time as written is kept in syslog_time${undated}`,
    );
  }

  const lines = new LineSplitter((line, lineNumber) => {
    if (!isBlankLine(line)) emit(line, { line: lineNumber });
  });

  // Octet-counting state: undecided until the first text arrives.
  let mode: 'undecided' | 'lines' | 'octets' = 'undecided';
  let buffer = '';
  let line = 1;

  function drainOctets(final: boolean): void {
    let i = 0;
    for (;;) {
      while (i < buffer.length && /\s/.test(buffer[i] as string)) {
        if (buffer[i] === '\n') line++;
        i++;
      }
      if (i >= buffer.length) break;
      const header = /^(\d{1,9}) /.exec(buffer.slice(i, i + 11));
      if (header?.[1] !== undefined) {
        const start = i + header[0].length;
        const stop = indexAfterUtf8Bytes(buffer, start, Number(header[1]));
        if (stop < 0 && !final) break;
        const frameEnd = stop < 0 ? buffer.length : stop;
        const frame = buffer.slice(start, frameEnd).replace(/\r?\n$/, '');
        if (stop < 0) {
          const reason = `truncated frame: ${header[1]} octets announced, the input ended first`;
          sink.event(unparsedEvent({ line }, frame || header[0], reason));
          problems.report({ line }, 'truncated-frame', reason);
        } else emit(frame, { line });
        line += countNewlines(buffer, i, frameEnd);
        i = frameEnd;
        continue;
      }
      // Not a frame header: read up to the next newline as a plain syslog line.
      const nl = buffer.indexOf('\n', i);
      if (nl < 0 && !final) break;
      const stop = nl < 0 ? buffer.length : nl;
      emit(buffer.slice(i, stop).replace(/\r$/, ''), { line });
      i = stop;
    }
    buffer = buffer.slice(i);
  }

  /** Octet counting is `digits SP <`; wait until the first text shows which framing it is. */
  function decide(final: boolean): void {
    const first = buffer.search(/\S/);
    if (first < 0 && !final) return;
    let j = first < 0 ? buffer.length : first;
    while (j < buffer.length && buffer.charCodeAt(j) >= 48 && buffer.charCodeAt(j) <= 57) j++;
    if (j > first && j + 1 >= buffer.length && !final) return;
    mode = first >= 0 && j > first && buffer[j] === ' ' && buffer[j + 1] === '<' ? 'octets' : 'lines';
    const held = buffer;
    buffer = '';
    if (mode === 'lines') lines.write(held);
    else {
      buffer = held;
      drainOctets(final);
    }
  }

  return {
    write(chunk) {
      if (mode === 'lines') lines.write(chunk);
      else if (mode === 'octets') {
        buffer += chunk;
        drainOctets(false);
      } else {
        buffer += chunk;
        decide(false);
      }
    },
    end() {
      if (mode === 'undecided') decide(true);
      if (mode === 'octets') drainOctets(true);
      lines.end();
      reportYearless();
      reportAnsiEscapes(problems, ansi);
      problems.flush();
    },
  };
}
