/**
 * What a share link may read, decided from the request path alone (pure, so it is tested case
 * by case). A shared page's API calls go to `/api/incidents/share~{token}/{rest}`; `handler`
 * resolves the token and swaps in the incident's id, and this says whether `{rest}` is inside
 * the link's scope:
 *
 * - postmortem: the postmortem (with its narrative, the annotations and story findings in time
 *   order that PostmortemView shows), its Markdown export, the annotations list and each
 *   annotation's revision history;
 * - investigation: the views of the incident page (the incident, its report, investigation,
 *   timeline, requests, entities, events, evidence overview, source list, profile, annotations
 *   and postmortem).
 *
 * Both are allowlists of first path segments on purpose: a new route (an export, a raw
 * download, share management itself) is unreachable through a link until it is added here,
 * rather than reachable until someone remembers to exclude it.
 */
import { SHARE_ID_PREFIX, type ShareScope } from '@/lib/schemas/share';

export interface SharedApiPath {
  token: string;
  /** The path's segments after the incident id, URL-decoded (empty for the incident itself). */
  rest: string[];
}

const SHARED_API = /^\/api\/incidents\/([^/]+)(\/.*)?$/;

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The token and the rest of a `/api/incidents/share~{token}/...` path, or null for any other path. */
export function parseSharedApiPath(pathname: string): SharedApiPath | null {
  const match = SHARED_API.exec(pathname);
  if (!match) return null;
  const id = decodeSegment(match[1]!);
  if (id === null || !id.startsWith(SHARE_ID_PREFIX)) return null;
  // Segments are compared decoded, so `/%73hares` cannot slip past as something other than `shares`.
  const rest: string[] = [];
  for (const raw of (match[2] ?? '').split('/').slice(1)) {
    const segment = decodeSegment(raw);
    if (segment === null) return null;
    rest.push(segment);
  }
  if (rest.length > 0 && rest[rest.length - 1] === '') rest.pop();
  return { token: id.slice(SHARE_ID_PREFIX.length), rest };
}

/** Whole paths (segments joined by `/`): a postmortem link reads these and nothing below them. */
const POSTMORTEM_READS: ReadonlySet<string> = new Set(['postmortem', 'postmortem/narrative', 'postmortem.md', 'annotations']);

/** Everything the investigation page reads. Not: `shares` (management), `bundle` (the whole incident as a download). */
const INVESTIGATION_READS: ReadonlySet<string> = new Set([
  'report',
  'investigation',
  'timeline',
  'requests',
  'entities',
  'events',
  'overview',
  'sources',
  'profile',
  'annotations',
  'postmortem',
  'postmortem.md',
]);

/** Whether a link of `scope` may make this request. Only reads: a link never changes anything. */
export function shareScopeAllows(scope: ShareScope, method: string, rest: readonly string[]): boolean {
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD') return false;
  // Raw bytes never leave through a link, whatever the route (sources' downloads live outside
  // /api/incidents today; this keeps a future `/sources/{id}/raw` out too).
  if (rest.includes('raw')) return false;
  // Joined whole paths: a segment holding an encoded slash must not pose as two segments.
  if (scope === 'postmortem') {
    if (rest.some((segment) => segment.includes('/'))) return false;
    // An annotation's history is part of the story it tells: a reader sees what was changed.
    if (rest.length === 3 && rest[0] === 'annotations' && rest[2] === 'revisions') return true;
    return POSTMORTEM_READS.has(rest.join('/'));
  }
  if (rest.length === 0) return true;
  return INVESTIGATION_READS.has(rest[0]!);
}
