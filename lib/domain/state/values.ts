/**
 * State values compare after normalization (spec section 5): numeric strings become numbers and
 * "true"/"false" become booleans, so `"7"` and `7` agree.
 *
 * Choices the spec leaves open:
 * - "true"/"false" match case-insensitively after trimming ("True" from Python is a boolean);
 * - a numeric string is a decimal number with an optional sign, fraction and exponent, after
 *   trimming ("007" is 7, "0x1f", "1_000", "12abc", "" and "Infinity" stay strings);
 * - `null` is a value (an explicit null says "nothing"), `undefined` is not an observation;
 * - objects and arrays are not scalar values: they are not observations.
 */
import type { StateValue } from '../analysis/results';

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The normalized value, or undefined when `value` is not a scalar state value. */
export function normalizeStateValue(value: unknown): StateValue | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return value;
    case 'string': {
      const c = value.charCodeAt(0);
      // Cheap reject: only strings opening with a digit, sign, dot, space or t/f/T/F can change.
      if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 32 || c === 9 || c === 116 || c === 102 || c === 84 || c === 70)) {
        return value;
      }
      const s = value.trim();
      if (s.length <= 5) {
        const lower = s.toLowerCase();
        if (lower === 'true') return true;
        if (lower === 'false') return false;
      }
      if (NUMERIC.test(s)) {
        const n = Number(s);
        if (Number.isFinite(n)) return n;
      }
      return value;
    }
    case 'object':
      return value === null ? null : undefined;
    default:
      return undefined;
  }
}

/** An entity id as text: numbers print as numbers, strings are trimmed; else null. */
export function idText(value: unknown): string | null {
  if (typeof value === 'string') {
    const s = value.trim();
    return s.length > 0 ? s : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}
