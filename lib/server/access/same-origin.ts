/**
 * Cross-site request refusal for mutations. A page on another site can make the browser send a
 * POST/PUT/PATCH/DELETE to Witness (a form, or fetch without reading the answer), and with
 * SameSite=Lax the session cookie stays home for cross-site POSTs, but a sibling subdomain is
 * "same site", older browsers ignore SameSite, and the open workspace has no cookie to withhold.
 * Browsers always say where such a request comes from (Origin on every non-GET request; Referer
 * as a fallback), so a mutation is accepted only when that is this server's own origin.
 *
 * The server's origin is what the client addressed: X-Forwarded-Host / X-Forwarded-Proto when a
 * proxy sets them (a page cannot set those cross-site without a CORS preflight that Witness never
 * approves), else the Host header, else the request URL.
 */
export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function firstValue(header: string | null): string | null {
  const value = header?.split(',')[0]?.trim();
  return value ? value : null;
}

/** `scheme://host[:port]` of this server as the client addressed it. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const proto = firstValue(request.headers.get('x-forwarded-proto')) ?? url.protocol.replace(/:$/, '');
  const host = firstValue(request.headers.get('x-forwarded-host')) ?? firstValue(request.headers.get('host')) ?? url.host;
  return `${proto.toLowerCase()}://${host.toLowerCase()}`;
}

/** The origin of a URL header value, or null when it is absent, `null` or not a URL. */
function originOf(value: string | null): string | null {
  if (!value || value === 'null') return null;
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Whether a request may change something. `strict` (sign-in configured): a mutation must name
 * its origin (Origin, or Referer lacking it) and it must be ours. Not strict (open workspace):
 * a mutation that names another origin is still refused, but one naming none (curl, scripts) is
 * let through, since nothing else guards that workspace anyway.
 */
export function checkSameOrigin(request: Request, strict: boolean): OriginVerdict {
  if (!isMutation(request.method)) return { ok: true };
  const own = requestOrigin(request);
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return { ok: false, reason: `Refused a cross-site request: changes are accepted only from pages of ${own}.` };
  }
  const rawOrigin = request.headers.get('origin');
  const claimed = rawOrigin !== null ? originOf(rawOrigin) : originOf(request.headers.get('referer'));
  if (claimed === null) {
    // An explicit `Origin: null` (sandboxed frame, privacy redirect) is never trusted.
    if (!strict && rawOrigin === null && request.headers.get('referer') === null) return { ok: true };
    return { ok: false, reason: `Refused a change without an Origin or Referer header: send Origin: ${own}.` };
  }
  if (claimed !== own) {
    return { ok: false, reason: `Refused a cross-site request from ${claimed}: changes are accepted only from pages of ${own}.` };
  }
  return { ok: true };
}
