/**
 * A concrete request path -> the profile path template it suggests (`/api/items/I-2041` ->
 * `/api/items/:id`), by the segments that look like ids: numbers, UUIDs, long hex, and words
 * with a digit such as `ord_123`, `c-95719`, `P-778`, `org_5yjgjwqx` (version segments like
 * `v2` are not ids). The last id segment is `:id` (the entity's, as the profile reads it);
 * earlier ones are named after the collection before them (`/api/orgs/:org_id/roles/:id`).
 * The entity type is the collection before `:id`, singular (`items` -> `item`).
 */
import { splitPath } from '../state/path-template';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{12,}$/i;
const NUMBER = /^\d+$/;
const VERSION = /^v\d{1,2}(\.\d+)*$/i;
/** A word with at least one digit: prefixed and opaque ids (`ord_123`, `c-95719`, `a1b2c3`). */
const DIGIT_WORD = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_.:~-]{2,}$/;

export function looksLikeId(segment: string): boolean {
  if (segment === '' || VERSION.test(segment)) return false;
  return NUMBER.test(segment) || UUID.test(segment) || HEX.test(segment) || DIGIT_WORD.test(segment);
}

/** `items` -> `item`, `categories` -> `category`, `stock` -> `stock`; cleaned to an entity type word. */
export function singular(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z0-9_.-]/g, '_');
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(xes|ches|shes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && w.length > 3) return w.slice(0, -1);
  return w;
}

export interface SuggestedTemplate {
  template: string;
  type: string;
  /** The id the path names (the `:id` segment's value). */
  id: string;
}

export function pathTemplateOf(path: string): SuggestedTemplate | null {
  const segments = splitPath(path).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const idIndexes = segments.flatMap((s, i) => (looksLikeId(s) ? [i] : []));
  const last = idIndexes[idIndexes.length - 1];
  // The id needs a collection before it to name its type (`/123` names nothing).
  if (last === undefined || last === 0 || looksLikeId(segments[last - 1]!)) return null;
  const type = singular(segments[last - 1]!);
  if (type === '') return null;
  const parts = segments.map((s, i) => {
    if (i === last) return ':id';
    if (!idIndexes.includes(i)) return s;
    const before = i > 0 && !looksLikeId(segments[i - 1]!) ? singular(segments[i - 1]!) : 'param';
    return `:${before}_id`;
  });
  return { template: `/${parts.join('/')}`, type, id: segments[last]! };
}
