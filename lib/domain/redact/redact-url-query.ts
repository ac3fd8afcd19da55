/**
 * A URL's query string, by the HAR parameter rule (secret-names.ts `isSecretParam`), so that
 * `request.url` says no more than the entry's `queryString` list once that is redacted:
 * `?session=abc&page=2` -> `?session=[REDACTED]&page=2`. The path and fragment stay.
 */
import { countRedaction, REDACTED, type RedactionCounts } from './redaction-counts';
import { isSecretParam } from './secret-names';

export function redactUrlQuery(url: string, counts: RedactionCounts): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const hash = url.indexOf('#', question);
  const end = hash < 0 ? url.length : hash;
  const query = url.slice(question + 1, end);
  let changed = false;
  const pairs = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const value = pair.slice(eq + 1);
    if (value === '' || value === REDACTED || !isSecretParam(safeDecode(pair.slice(0, eq)))) return pair;
    changed = true;
    countRedaction(counts, 'param');
    return `${pair.slice(0, eq + 1)}${REDACTED}`;
  });
  return changed ? `${url.slice(0, question + 1)}${pairs.join('&')}${url.slice(end)}` : url;
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
