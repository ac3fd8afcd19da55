/**
 * Secrets inside free text (a log line, a URL, a JSON string's content), found by pattern:
 *
 * - `field`: `name=value`, `name: value`, `"name": "value"` where the name says secret
 *   (secret-names.ts), value bare, quoted, or an auth scheme plus its token
 *   (`Authorization: Bearer abc` is one field). Quotes stay, the value becomes the marker.
 * - `bearer`: `Bearer <token>` anywhere else.
 * - `jwt`: three base64url segments starting `eyJ` (a JSON header), anywhere else.
 *
 * Applied in that order, so a value is counted once. Idempotent: a marker is never redacted
 * again, so a redacted file uploaded again counts nothing.
 */
import { countRedaction, REDACTED, type RedactionCounts } from './redaction-counts';
import { isSecretField } from './secret-names';

const SCHEMES = '(?:Bearer|Basic|Digest|Token|Bot|Negotiate|ApiKey)';
// `(?!//)`: a URL's scheme (`https://...?token=x`) is not a name and its value; taking it as one
// swallowed the query, and the secret parameter in it was never looked at.
const KEY_VALUE = new RegExp(
  String.raw`(?<![\w.-])(["']?)([A-Za-z_][\w.-]*)\1(\s*[=:]\s*)(?!//)(\[REDACTED\]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|${SCHEMES}\s+[^\s"'&,;]+|[^\s"'&,;<>(){}\[\]]+)`,
  'gi',
);
const BEARER = /\b(Bearer\s+)(?!\[REDACTED\])[A-Za-z0-9\-._~+/]{8,}=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/**
 * A superset of the text these patterns can change, usable on a JSON string literal before it
 * is decoded: a secret field name (secret-names.ts `isSecretField`, matched by its words: keep
 * this in step with FIELD_WORDS and FIELD_PAIRS there, as might-hold-secret.ts is), `bearer`, a
 * JWT's `eyJ`. A `\u` escape could spell any of them, so it counts; the other escapes decode to
 * characters that are not letters, so they cannot join two halves of a word. The JSON redactor
 * finds these words in a whole chunk at once and skips redactText for every string without one.
 *
 * It is also a superset of the JSON keys isSecretField accepts (which may hold any character):
 * a name's words are its runs of ASCII letters and digits once lower-cased, and only two other
 * characters lower-case to ASCII: U+212A (Kelvin sign, to `k`: `to\u212Aen`) and U+0130 (`İ`, to
 * `i` plus a combining dot: `apİ_key` is words `api`, `key`). Both count as a match.
 */
const TEXT_SECRET_WORDS = /secret|token|passw|pwd|passphrase|authoriz|cookie|(?:api|access|private)[\W_]*key|bearer|eyj|\\u|\u212a|\u0130/gi;
/** Cheap tests that skip the patterns for text that cannot match. */
const MAYBE_FIELD = /[\w"']\s*[=:]/;
const MAYBE_BEARER = /bearer/i;
/** `oauth_token = ?`, `token: *`: a placeholder, not a value. */
const HAS_WORD_CHAR = /[A-Za-z0-9]/;
const NOT_SECRET_VALUES = new Set(['null', 'true', 'false', '""', "''", REDACTED, `"${REDACTED}"`, `'${REDACTED}'`]);

export function redactText(text: string, counts: RedactionCounts): string {
  let out = text;
  if (MAYBE_FIELD.test(out)) {
    out = out.replace(KEY_VALUE, (match: string, _quote: string, name: string, separator: string, value: string) => {
      if (NOT_SECRET_VALUES.has(value) || !HAS_WORD_CHAR.test(value) || !isSecretField(name)) return match;
      countRedaction(counts, 'field');
      const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
      return `${match.slice(0, match.length - value.length - separator.length)}${separator}${quote}${REDACTED}${quote}`;
    });
  }
  if (MAYBE_BEARER.test(out)) {
    out = out.replace(BEARER, (_match: string, scheme: string) => {
      countRedaction(counts, 'bearer');
      return `${scheme}${REDACTED}`;
    });
  }
  if (out.includes('eyJ')) {
    out = out.replace(JWT, () => {
      countRedaction(counts, 'jwt');
      return REDACTED;
    });
  }
  return out;
}

/**
 * Where the first word TEXT_SECRET_WORDS looks for starts in `text` at or after `from`, or -1:
 * a JSON string literal holding none of them is left unchanged by redactText once decoded, and
 * as a key is not a secret field.
 */
export function findTextSecretWord(text: string, from: number): number {
  TEXT_SECRET_WORDS.lastIndex = from;
  const found = TEXT_SECRET_WORDS.exec(text);
  return found === null ? -1 : found.index;
}
