/**
 * What redaction replaced, counted per kind: `header` (HAR header values), `cookie` (HAR cookie
 * values), `param` (HAR query-string and form parameters), `field` (a secret-named key's value
 * in any format), `bearer` (a `Bearer xxx` token in text), `jwt` (a JSON Web Token in text).
 * Stored on the source as JSON; the UI shows the total and the kinds.
 */
export type RedactionKind = 'header' | 'cookie' | 'param' | 'field' | 'bearer' | 'jwt';

export type RedactionCounts = Partial<Record<RedactionKind, number>>;

/** What every redacted value becomes: the key or name stays, so a reader sees something was there. */
export const REDACTED = '[REDACTED]';

export function countRedaction(counts: RedactionCounts, kind: RedactionKind, n = 1): void {
  if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
}

export function addCounts(into: RedactionCounts, from: RedactionCounts): void {
  for (const [kind, n] of Object.entries(from) as [RedactionKind, number][]) countRedaction(into, kind, n);
}

export function totalRedactions(counts: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const n of Object.values(counts)) total += n;
  return total;
}
