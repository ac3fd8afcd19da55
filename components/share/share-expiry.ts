/** The create form's expiry: a count of hours or days, blank for none. */
export type ExpiryUnit = 'hours' | 'days';

/** Hours until expiry, null for "never", or an error message for a count that is not one. */
export function expiryHours(count: string, unit: ExpiryUnit): number | null | { error: string } {
  const trimmed = count.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n <= 0) return { error: 'The expiry is a positive number of hours or days, or blank for none.' };
  const hours = unit === 'days' ? n * 24 : n;
  if (hours > 24 * 366) return { error: 'A link expires within a year at most.' };
  return hours;
}
