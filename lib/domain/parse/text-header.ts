/**
 * The head of one timestamped text line: `TIMESTAMP [LEVEL] [[thread]] [logger -] message`.
 *
 * Shapes read (the common defaults of log4j/logback, Python logging, Go's zap console encoder):
 *   2024-01-02T03:04:05.678Z INFO message
 *   2024-01-02 03:04:05,678 [main] WARN  com.acme.Cart - message
 *   2024-01-02 03:04:05,678 - cart - ERROR - message
 *   [2024-01-02 03:04:05] error: message
 *   2024-01-02T03:04:05.678Z<TAB>info<TAB>[logger<TAB>][file.go:12<TAB>]message[<TAB>{json}]
 * A level is only taken from a known level word, a logger only next to a level, so prose is not
 * mistaken for either; whatever is not recognized stays in the message. Zones: see
 * fields/timestamp.ts (a time without a zone is UTC).
 */
import type { EpochMs } from '../event';
import { parseIsoTimestamp } from './fields/timestamp';

export interface TextHeader {
  ts: EpochMs;
  level: string | null;
  message: string;
  /** thread, logger, caller, and a zap line's trailing JSON fields. */
  fields: Record<string, unknown>;
}

const LEVEL_WORDS = new Set([
  'trace', 'debug', 'info', 'notice', 'warn', 'warning', 'error', 'err', 'fatal', 'critical', 'crit', 'severe',
  'panic', 'dpanic', 'alert', 'emerg', 'emergency', 'fine', 'finer', 'finest', 'verbose', 'information',
]);

/**
 * A level word as loggers print it: `INFO` or `info`. A capitalized `Error` or `Information`
 * is more often the first word of a sentence than a level, so it stays in the message.
 */
export function isLevelWord(word: string): boolean {
  if (word.length < 3 || word.length > 11) return false;
  const lower = word.toLowerCase();
  return LEVEL_WORDS.has(lower) && (word === lower || word === word.toUpperCase());
}

/** A timestamp that opens the line (optionally inside `[...]`), with a time of day. */
export function readLineTimestamp(s: string): { ts: EpochMs; end: number } | null {
  const bracket = s.charCodeAt(0) === 91;
  const start = bracket ? 1 : 0;
  const c = s.charCodeAt(start);
  if (c < 48 || c > 57) return null; // cheap reject: most continuation lines stop here
  const end = { index: start };
  const ts = parseIsoTimestamp(s, start, end);
  if (ts === null || end.index - start < 16) return null; // `yyyy-mm-ddThh:mm` at least
  if (bracket) return s.charCodeAt(end.index) === 93 ? { ts, end: end.index + 1 } : null;
  const after = s.charCodeAt(end.index);
  // The time must end at a separator, not run into a word (`2024-01-02 03:04:05abc`).
  return Number.isNaN(after) || after === 32 || after === 9 || after === 58 || after === 93 || after === 44 || after === 124
    ? { ts, end: end.index }
    : null;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

function wordEnd(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i++;
  return i;
}

function jsonObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** zap console: TAB-separated level, optional logger and caller, message, optional JSON. */
function readTabbed(ts: EpochMs, rest: string): TextHeader {
  const parts = rest.split('\t');
  let fields: Record<string, unknown> = {};
  const last = parts[parts.length - 1] ?? '';
  const json = parts.length > 1 ? jsonObject(last.trim()) : null;
  if (json) {
    fields = { ...json };
    parts.pop();
  }
  const first = (parts[0] ?? '').trim();
  const level = isLevelWord(first) ? first : null;
  if (level !== null) parts.shift();
  const message = parts.pop() ?? '';
  for (const part of parts) {
    // `path/file.go:128` is a caller; any other column before the message is the logger name.
    if (/^\S+\.\w+:\d+$/.test(part)) fields.caller = part;
    else fields.logger = part;
  }
  return { ts, level, message, fields };
}

/** Parses the head of a line; null when the line does not open with a timestamp. */
export function parseTextHeader(s: string): TextHeader | null {
  const stamp = readLineTimestamp(s);
  if (!stamp) return null;
  const { ts } = stamp;
  if (s.charCodeAt(stamp.end) === 9) return readTabbed(ts, s.slice(stamp.end + 1));
  const fields: Record<string, unknown> = {};
  let level: string | null = null;
  let i = stamp.end;
  if (s.charCodeAt(i) === 58 || s.charCodeAt(i) === 44 || s.charCodeAt(i) === 124) i++; // `ts: msg`, `ts, msg`, `ts| msg`
  for (let step = 0; step < 6; step++) {
    i = skipSpaces(s, i);
    if (s[i] === '-' && (s[i + 1] === ' ' || i + 1 === s.length)) {
      i += 1; // Python's ` - ` separators
      continue;
    }
    if (s[i] === '[') {
      const close = s.indexOf(']', i);
      if (close < 0 || close - i > 100) break;
      const inner = s.slice(i + 1, close).trim();
      if (level === null && isLevelWord(inner)) level = inner;
      else if (level === null && fields.thread === undefined) fields.thread = inner;
      else break; // brackets after the level belong to the message
      i = close + 1;
      if (s[i] === ':') i++;
      continue;
    }
    const end = wordEnd(s, i);
    const word = s.slice(i, s[end - 1] === ':' ? end - 1 : end);
    if (level === null && isLevelWord(word)) {
      level = word;
      i = end;
      continue;
    }
    if (fields.logger === undefined && end > i && s.startsWith(' - ', end) && /^[\w.$#:/<>-]+$/.test(word)) {
      const next = skipSpaces(s, end + 3);
      const nextWord = s.slice(next, wordEnd(s, next));
      if (level !== null || isLevelWord(nextWord)) {
        fields.logger = word;
        i = end + 3;
        continue;
      }
    }
    break;
  }
  return { ts, level, message: s.slice(skipSpaces(s, i)).trimEnd(), fields };
}
