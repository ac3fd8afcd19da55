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
const KEY_VALUE = new RegExp(
  String.raw`(?<![\w.-])(["']?)([A-Za-z_][\w.-]*)\1(\s*[=:]\s*)(\[REDACTED\]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|${SCHEMES}\s+[^\s"'&,;]+|[^\s"'&,;<>(){}\[\]]+)`,
  'gi',
);
const BEARER = /\b(Bearer\s+)(?!\[REDACTED\])[A-Za-z0-9\-._~+/]{8,}=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
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
