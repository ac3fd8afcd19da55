/**
 * Where to go after signing in (`/sign-in?next=...`): only a path on this server. `//evil.test`
 * and `/\evil.test` are protocol-relative URLs to browsers, so they fall back to the home page,
 * as anything else that is not a plain local path does.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (a newline in a header, a tab browsers strip) have no place in a path.
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
  return value;
}

/** `path?query` of a page, from the server component's params (for `next`). */
export function pagePath(pathname: string, searchParams: Record<string, string | string[] | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  const qs = query.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}
