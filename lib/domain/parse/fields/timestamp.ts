/**
 * Timestamps at the parser's edge (spec section 2): ISO 8601 / RFC 3339 strings and numbers of
 * seconds, milliseconds, microseconds or nanoseconds since the epoch, told apart by magnitude.
 * Everything returns epoch milliseconds with the sub-millisecond fraction kept, or null.
 *
 * ISO strings are parsed by hand: `Date.parse` costs as much as JSON.parse per record
 * (performance guide) and drops everything below a millisecond.
 * A time of day without a zone is taken as UTC: servers log in UTC far more often than not,
 * and guessing the viewer's zone would make the same file mean different things on two laptops.
 */
import type { EpochMs } from '../../event';

// Magnitude bounds for a number since the epoch. Seconds up to 1e11 reach the year 5138;
// beyond that milliseconds (to 1e14), microseconds (to 1e17), then nanoseconds.
const MAX_SECONDS = 1e11;
const MAX_MILLIS = 1e14;
const MAX_MICROS = 1e17;

export function epochNumberToMs(value: number): EpochMs | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  if (value < MAX_SECONDS) return value * 1000;
  if (value < MAX_MILLIS) return value;
  if (value < MAX_MICROS) return value / 1000;
  return value / 1e6;
}

/**
 * An all-digit string since the epoch. Nanosecond strings exceed 2^53, so the millisecond part
 * and the fraction are converted separately to keep microsecond precision.
 */
export function epochDigitsToMs(digits: string): EpochMs | null {
  if (digits.length > 16) {
    const ms = Number(digits.slice(0, -6));
    const frac = Number(digits.slice(-6)) / 1e6;
    return ms > 0 ? ms + frac : null;
  }
  return epochNumberToMs(Number(digits));
}

const DIGITS = /^\d+(?:\.\d+)?$/;

/** A timestamp field's value, whatever its type. */
export function parseTimestampValue(value: unknown): EpochMs | null {
  if (typeof value === 'number') return epochNumberToMs(value);
  if (typeof value === 'string') {
    const s = value.trim();
    if (s.length === 0) return null;
    if (DIGITS.test(s)) return s.includes('.') ? epochNumberToMs(Number(s)) : epochDigitsToMs(s);
    return parseIsoTimestamp(s);
  }
  return null;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function readInt(s: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) {
    const d = digit(s, i);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `YYYY-MM-DD[T ]HH:MM[:SS[.,fraction]][Z|±HH[:MM]|±HHMM| UTC]`. Returns null for anything else.
 * `end` receives the index just past the timestamp, so text-line parsers can find the message.
 */
export function parseIsoTimestamp(s: string, start = 0, end?: { index: number }): EpochMs | null {
  let i = start;
  const year = readInt(s, i, 4);
  if (year < 0 || s[i + 4] !== '-') return null;
  const month = readInt(s, i + 5, 2);
  if (month < 1 || month > 12 || s[i + 7] !== '-') return null;
  const day = readInt(s, i + 8, 2);
  if (day < 1 || day > 31) return null;
  i += 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fracMs = 0;
  const sep = s[i];
  if (sep === 'T' || sep === 't' || sep === ' ') {
    hour = readInt(s, i + 1, 2);
    if (hour < 0 || hour > 24 || s[i + 3] !== ':') return null;
    minute = readInt(s, i + 4, 2);
    if (minute < 0 || minute > 59) return null;
    i += 6;
    if (s[i] === ':') {
      second = readInt(s, i + 1, 2);
      if (second < 0 || second > 60) return null;
      i += 3;
      if (s[i] === '.' || s[i] === ',') {
        let j = i + 1;
        let scale = 100;
        while (digit(s, j) >= 0) {
          fracMs += digit(s, j) * scale;
          scale /= 10;
          j++;
        }
        if (j === i + 1) return null;
        i = j;
      }
    }
  } else if (sep !== undefined && digit(s, i) >= 0) {
    return null;
  }
  let offsetMin = 0;
  const z = s[i];
  if (z === 'Z' || z === 'z') {
    i++;
  } else if ((z === '+' || z === '-') && digit(s, i + 1) >= 0) {
    const oh = readInt(s, i + 1, 2);
    if (oh < 0) return null;
    let j = i + 3;
    if (s[j] === ':') j++;
    const om = digit(s, j) >= 0 ? readInt(s, j, 2) : 0;
    if (om < 0) return null;
    if (digit(s, j) >= 0) j += 2;
    offsetMin = (oh * 60 + om) * (z === '+' ? 1 : -1);
    i = j;
  } else if (s.startsWith(' UTC', i) || s.startsWith(' GMT', i)) {
    i += 4;
  }
  if (end) end.index = i;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  return base + fracMs - offsetMin * 60_000;
}

export function toIso(ms: EpochMs): string {
  return new Date(Math.floor(ms)).toISOString();
}
