/**
 * A state value (spec section 5: string, number, boolean or null) as the witness table and the
 * step chart print it. Strings are shown bare - `paid`, not `"paid"` - because nearly every
 * state value is one and quotes would be noise; a string is quoted only when bare text would
 * read as another value or hide something: the empty string, `null`/`true`/`false`, a number,
 * surrounding blanks, control characters. So `null` is always the null value, `"null"` a string.
 */
export type StateValue = string | number | boolean | null;

const LOOKS_TYPED = /^(null|true|false)$/;

function needsQuotes(s: string): boolean {
  if (s === '' || s.trim() !== s) return true;
  if (LOOKS_TYPED.test(s)) return true;
  if (Number.isFinite(Number(s))) return true;
  return /[\u0000-\u001f\u007f]/.test(s);
}

export function formatStateValue(value: StateValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return needsQuotes(value) ? JSON.stringify(value) : value;
  return String(value);
}

/** Identity of a value for grouping (`1` and `"1"` differ, as they do on the wire). */
export function stateValueKey(value: StateValue): string {
  return value === null ? 'null' : `${typeof value}:${String(value)}`;
}
