/**
 * A copy of `s` that shares no memory with the string it came from, for strings a long-lived
 * cache keeps. V8 represents a slice of 13 or more characters as a view into its parent, so a
 * cached field name or level word sliced from a decoded 64 KiB chunk would keep the whole chunk
 * alive. Costs one copy, on a cache miss only.
 */
export function detachedString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
