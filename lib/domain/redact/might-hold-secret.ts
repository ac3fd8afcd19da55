/**
 * A cheap test that lets most log lines skip redaction: false only when no rule of the JSON
 * redactor or of the text patterns could change the text. Redacting every line structurally
 * ran at 33 MB/s (7.3 s for 1M JSON lines); this test over the same text takes 0.35 s, and a
 * line it lets through is exactly what the full rules would have returned.
 *
 * Why it is a superset of the rules (keep it one when a rule changes):
 * - Secret field names, the text patterns and JSON escapes that could spell either are found by
 *   redact-text.ts's word search (`findTextSecretWord`, which says why it is a superset).
 * - The HTTP words (`session`, `auth`, `sid`, `key`...) only matter in HAR-style `headers`,
 *   `queryString` and `params` lists and in a URL's query: such a list's name, or a `?`, counts.
 */
import { findTextSecretWord } from './redact-text';

const HTTP_CONTEXT = /\?|"(?:headers|queryString|params)"/;

export function mightHoldSecret(text: string): boolean {
  return findTextSecretWord(text, 0) >= 0 || HTTP_CONTEXT.test(text);
}
