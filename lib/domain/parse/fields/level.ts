/**
 * Log levels from every logger's vocabulary, normalized to trace | debug | info | warn | error |
 * fatal so the UI can filter and colour one set. Unknown words are kept lower-cased rather than
 * guessed (an on-call engineer would rather see "notice" than a wrong "info").
 */
import { TextCache } from '../../text-cache';

const WORDS: Record<string, string> = {
  trace: 'trace',
  verbose: 'trace',
  finest: 'trace',
  debug: 'debug',
  dbg: 'debug',
  fine: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  i: 'info',
  warn: 'warn',
  warning: 'warn',
  w: 'warn',
  error: 'error',
  err: 'error',
  e: 'error',
  severe: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  panic: 'fatal',
  dpanic: 'fatal',
};

/** Bunyan and pino use numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
function fromBunyanNumber(n: number): string {
  if (n < 20) return 'trace';
  if (n < 30) return 'debug';
  if (n < 40) return 'info';
  if (n < 50) return 'warn';
  if (n < 60) return 'error';
  return 'fatal';
}

/** Syslog severities 0 (emergency) to 7 (debug), as in PRIORITY or <PRI> % 8. */
export function fromSyslogSeverity(n: number): string {
  return ['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug'][n] ?? 'info';
}

/** OTLP severityNumber: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal. */
export function fromOtlpSeverity(n: number): string | null {
  if (n < 1 || n > 24) return null;
  return ['trace', 'debug', 'info', 'warn', 'error', 'fatal'][Math.floor((n - 1) / 4)] ?? null;
}

function levelOfText(value: string): string | null {
  const s = value.trim().toLowerCase();
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return fromBunyanNumber(Number(s));
  // Own words only: `constructor` or `toString` must not find Object.prototype's functions.
  return Object.hasOwn(WORDS, s) ? (WORDS[s] as string) : s;
}

/** Level words as written -> normalized: a source repeats a handful (TextCache says why cached). */
const WRITTEN = new TextCache(levelOfText, 1_000, 32);

export function normalizeLevel(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? fromBunyanNumber(value) : null;
  if (typeof value !== 'string') return null;
  return WRITTEN.get(value);
}
