/**
 * What the sources table and a source's details say about redaction on upload: a short label
 * for the row, and the counts per kind for the details (README: "Redaction").
 */
import { totalRedactions } from '@/lib/domain/redact/redaction-counts';
import { countOf } from '../ui/format';

interface RedactionFacts {
  redacted: boolean;
  redactions: Readonly<Record<string, number>>;
  /** Redaction runs with the parse: until it ends there is nothing to count yet. */
  status: string;
}

const KIND_NOUNS: Readonly<Record<string, string>> = {
  header: 'header',
  cookie: 'cookie',
  param: 'parameter',
  field: 'field',
  bearer: 'bearer token',
  jwt: 'JWT',
};

/** "12 secrets redacted", "no secrets found", "redacting…", or "not redacted" (the upload opted out). */
export function redactionLabel(source: RedactionFacts): string {
  if (!source.redacted) return 'not redacted';
  if (source.status === 'uploading' || source.status === 'parsing') return 'redacting…';
  const total = totalRedactions(source.redactions);
  return total === 0 ? 'no secrets found' : `${countOf(total, 'secret')} redacted`;
}

/** "3 headers, 2 cookies, 1 JWT", in a fixed order; empty when nothing was redacted. */
export function redactionKinds(redactions: Readonly<Record<string, number>>): string {
  const known = Object.keys(KIND_NOUNS).filter((kind) => (redactions[kind] ?? 0) > 0);
  const other = Object.keys(redactions).filter((kind) => !(kind in KIND_NOUNS) && (redactions[kind] ?? 0) > 0);
  return [...known, ...other].map((kind) => countOf(redactions[kind] ?? 0, KIND_NOUNS[kind] ?? kind)).join(', ');
}
