/**
 * URL path templates of the profile (`/api/items/:id`, spec section 5): a `:param` segment holds
 * one path segment. A template matches a whole path (a trailing slash is ignored; the query and
 * fragment are not part of the path), so `/api/items/7/reviews` is not item 7.
 *
 * Which parameter holds the entity's id: the one named `id`, else one named like one of the
 * rule's keys, else the last one. The others are kept by name (a `:org_id` parameter gives the
 * scope field `org_id`).
 *
 * The template's *collection* is the template cut before its id parameter when that parameter
 * is the last segment (`/api/items` for `/api/items/:id`): a list response there holds many
 * entities, each naming its id in a field named like the parameter or like a key.
 */

export interface PathTemplate {
  template: string;
  /** Literal segments as written, or null for a parameter. */
  literals: (string | null)[];
  /** Parameter name per segment (null for literals). */
  params: (string | null)[];
  /** Index of the segment that holds the id. */
  idSegment: number;
  /** Name of the id parameter (`id` in `/api/items/:id`). */
  idParam: string;
  /** True when the id parameter is the last segment (the template has a collection path). */
  hasCollection: boolean;
}

export function splitPath(path: string): string[] {
  const segments = path.split('/');
  // "/a/b/" -> ["", "a", "b", ""]: drop the leading empty segment and one trailing one.
  if (segments.length > 0 && segments[0] === '') segments.shift();
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

/** A template without a parameter holds no id: it compiles to null. */
export function compilePathTemplate(template: string, keys: readonly string[]): PathTemplate | null {
  const segments = splitPath(template);
  const literals: (string | null)[] = [];
  const params: (string | null)[] = [];
  for (const segment of segments) {
    if (segment.startsWith(':') && segment.length > 1) {
      literals.push(null);
      params.push(segment.slice(1));
    } else {
      literals.push(segment);
      params.push(null);
    }
  }
  const paramIndexes = params.flatMap((p, i) => (p === null ? [] : [i]));
  if (paramIndexes.length === 0) return null;
  const lowerKeys = new Set(keys.map((k) => k.toLowerCase()));
  const idSegment =
    paramIndexes.find((i) => params[i]?.toLowerCase() === 'id') ??
    paramIndexes.find((i) => lowerKeys.has((params[i] as string).toLowerCase())) ??
    (paramIndexes[paramIndexes.length - 1] as number);
  return {
    template,
    literals,
    params,
    idSegment,
    idParam: params[idSegment] as string,
    hasCollection: idSegment === segments.length - 1,
  };
}

function decode(segment: string): string {
  if (segment.indexOf('%') < 0) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface PathMatch {
  id: string;
  /** Every parameter by name, the id's included. */
  params: Map<string, string>;
}

/** The id and parameters when `segments` (from splitPath) match the whole template, else null. */
export function matchPathTemplate(template: PathTemplate, segments: readonly string[]): PathMatch | null {
  const { literals } = template;
  if (segments.length !== literals.length) return null;
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i];
    const segment = segments[i] as string;
    if (literal === null) {
      if (segment.length === 0) return null;
    } else if (literal !== segment) return null;
  }
  const params = new Map<string, string>();
  for (let i = 0; i < literals.length; i++) {
    const name = template.params[i];
    if (name) params.set(name, decode(segments[i] as string));
  }
  return { id: params.get(template.idParam) as string, params };
}

/** True when `segments` are the template's collection path (`/api/items` for `/api/items/:id`). */
export function matchesCollection(template: PathTemplate, segments: readonly string[]): boolean {
  if (!template.hasCollection || segments.length !== template.literals.length - 1) return false;
  for (let i = 0; i < segments.length; i++) {
    const literal = template.literals[i];
    if (literal === null) {
      if ((segments[i] as string).length === 0) return false;
    } else if (literal !== segments[i]) return false;
  }
  return true;
}

/**
 * The path and query of a URL, a path with a query, or a request line's target:
 * `https://h/api/items/7?x=1` -> { path: "/api/items/7", query: "x=1" }. Null when the text is
 * not a URL or an absolute path.
 */
export function pathAndQuery(text: string): { path: string; query: string | null } | null {
  let s = text.trim();
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(s);
  if (scheme) {
    const slash = s.indexOf('/', scheme[0].length);
    if (slash < 0) return { path: '/', query: null };
    s = s.slice(slash);
  }
  if (!s.startsWith('/')) return null;
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  const q = s.indexOf('?');
  return q < 0 ? { path: s, query: null } : { path: s.slice(0, q), query: s.slice(q + 1) };
}

/** `a=1&b=x%20y` -> Map { a: "1", b: "x y" }, names lower-cased; the first of repeated names wins. */
export function queryParams(query: string | null): Map<string, string> {
  const params = new Map<string, string>();
  if (query === null || query.length === 0) return params;
  for (const part of query.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' ')).toLowerCase();
    const value = eq < 0 ? '' : decode(part.slice(eq + 1).replace(/\+/g, ' '));
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}
