/**
 * The `key=value` scanner behind logfmt lines and the fields inside text, syslog messages.
 *
 * Hand-written over char codes (no regex per token): logfmt is on the hot path of the ingest
 * benchmark. Grammar, as written by logrus, go-kit and Heroku's logfmt:
 * - pairs are separated by spaces or tabs; a value is either bare (up to the next space) or a
 *   double-quoted string with Go-style escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX`);
 * - `key=` holds the empty string; a repeated key keeps its last value;
 * - strict mode (a logfmt line): a bare word without `=` is a flag and holds `true`;
 * - lenient mode (free text): only words whose key looks like an identifier count, everything
 *   else is prose and skipped, so `GET /a?x=1` or `a == b` do not invent fields.
 * An unterminated quoted value takes the rest of the line and is reported, never thrown.
 */
export interface KeyValueScan {
  /** Number of `key=value` pairs found. */
  pairs: number;
  /** Words that were not pairs (flags in strict mode, prose in lenient mode). */
  words: number;
  /** A quoted value had no closing quote. */
  unterminated: boolean;
}

const SPACE = 32;
const TAB = 9;
const EQ = 61;
const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** `,` `;` `.` `)` */
function isTrailingPunctuation(c: number): boolean {
  return c === 44 || c === 59 || c === 46 || c === 41;
}

/** `[A-Za-z_@][A-Za-z0-9_.\-/@]*`: what a field name in prose looks like. */
function isIdentifier(s: string, start: number, end: number): boolean {
  const first = s.charCodeAt(start);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95 || first === 64;
  if (!letter) return false;
  for (let i = start + 1; i < end; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === 47 || c === 64;
    if (!ok) return false;
  }
  return true;
}

/** Decodes the escapes of a quoted value between `start` (after the quote) and `end` (the closing quote). */
function unescape(s: string, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) !== BACKSLASH || i + 1 >= end) continue;
    out += s.slice(from, i);
    const e = s[i + 1];
    if (e === 'n') out += '\n';
    else if (e === 't') out += '\t';
    else if (e === 'r') out += '\r';
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 4;
    } else out += e;
    i++;
    from = i + 1;
  }
  return out + s.slice(from, end);
}

/**
 * Scans `s` from `start`, writing pairs into `into`. Returns the counts; `into` may already hold
 * fields (a zap line's JSON), which pairs overwrite.
 */
export function scanKeyValues(s: string, start: number, into: Record<string, unknown>, strict: boolean): KeyValueScan {
  const n = s.length;
  let pairs = 0;
  let words = 0;
  let unterminated = false;
  let i = start;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const keyStart = i;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c === EQ || isSpace(c) || (strict && c === QUOTE)) break;
      i++;
    }
    const keyEnd = i;
    const isPair =
      i < n && c === EQ && keyEnd > keyStart && (strict || isIdentifier(s, keyStart, keyEnd));
    if (!isPair) {
      words++;
      if (strict && c === QUOTE) {
        // A stray quoted word: skip it whole so its spaces do not split it into flags.
        const close = s.indexOf('"', i + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (strict && keyEnd > keyStart && !(i < n && c === EQ)) into[s.slice(keyStart, keyEnd)] = true;
      while (i < n && !isSpace(s.charCodeAt(i))) i++;
      continue;
    }
    const key = s.slice(keyStart, keyEnd);
    i++; // past '='
    if (i < n && s.charCodeAt(i) === QUOTE) {
      const valueStart = i + 1;
      let j = valueStart;
      let escaped = false;
      while (j < n) {
        const q = s.charCodeAt(j);
        if (q === BACKSLASH) {
          escaped = true;
          j += 2;
          continue;
        }
        if (q === QUOTE) break;
        j++;
      }
      if (j >= n) {
        unterminated = true;
        into[key] = escaped ? unescape(s, valueStart, n) : s.slice(valueStart, n);
        i = n;
      } else {
        into[key] = escaped ? unescape(s, valueStart, j) : s.slice(valueStart, j);
        i = j + 1;
      }
    } else {
      const valueStart = i;
      while (i < n && !isSpace(s.charCodeAt(i))) i++;
      let valueEnd = i;
      // In prose, `port=6379.` or `bits=64,` end with punctuation that is not part of the value.
      if (!strict && valueEnd > valueStart && isTrailingPunctuation(s.charCodeAt(valueEnd - 1))) valueEnd--;
      into[key] = s.slice(valueStart, valueEnd);
    }
    pairs++;
  }
  return { pairs, words, unterminated };
}
