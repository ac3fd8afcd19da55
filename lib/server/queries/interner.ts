/**
 * String interning for one load of many rows: SQLite hands out a fresh string per row, and a
 * million copies of "cart-api" or "info" cost memory and garbage-collection time that whatever
 * holds the rows (the analysis) then pays for. Only for few-valued columns (service, level,
 * name, status): interning unique values (ids, messages) would only add a map lookup.
 */
export type Interner = (value: string | null) => string | null;

/** One shared instance per distinct value seen by this interner. */
export function createInterner(): Interner {
  const seen = new Map<string, string>();
  return (value) => {
    if (value === null) return null;
    const kept = seen.get(value);
    if (kept !== undefined) return kept;
    seen.set(value, value);
    return value;
  };
}

export const noInterning: Interner = (value) => value;
