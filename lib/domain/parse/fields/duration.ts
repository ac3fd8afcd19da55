/**
 * Durations (spec section 2): the `_ms` suffix and bare numbers are milliseconds; strings such
 * as `250ms`, `1.5s`, `800us`, `0.005192s` (Google Cloud), `1m2.5s` (Go) say their unit.
 */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/gy;

/** Returns milliseconds, or null when the value is not a duration. */
export function parseDurationMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.length === 0) return null;
  const n = Number(s);
  if (!Number.isNaN(n)) return n >= 0 ? n : null;
  PART.lastIndex = 0;
  let total = 0;
  let matched = 0;
  for (;;) {
    const start = PART.lastIndex;
    const m = PART.exec(s);
    if (!m) {
      PART.lastIndex = start;
      break;
    }
    total += Number(m[1]) * (UNIT_MS[m[2] as string] ?? NaN);
    matched = PART.lastIndex;
  }
  return matched === s.length && Number.isFinite(total) ? total : null;
}
