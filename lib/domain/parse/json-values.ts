/**
 * Narrowing helpers for values that came out of JSON.parse (typed `unknown`).
 *
 * Trace and HAR documents are read field by field; these guards keep that code free of casts
 * and of `any`. They never throw: a field of the wrong type reads as absent.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | null {
  if (!isObject(value)) return null;
  const v = value[key];
  return isObject(v) ? v : null;
}

export function arrayAt(value: unknown, key: string): unknown[] | null {
  if (!isObject(value)) return null;
  const v = value[key];
  return Array.isArray(v) ? v : null;
}

/** A non-empty string, or null. */
export function stringAt(value: unknown, key: string): string | null {
  if (!isObject(value)) return null;
  const v = value[key];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** A finite number, or a string holding one (protobuf JSON writes int64 as strings). */
export function numberAt(value: unknown, key: string): number | null {
  if (!isObject(value)) return null;
  return toNumber(value[key]);
}

export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim().length > 0) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** JSON.parse that reports failure as a value, with the parser's message. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** A short, single-line excerpt of raw text for diagnostic messages. */
export function excerpt(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Whole-document parsers buffer their input; past this they refuse (V8 strings top out near 512 MiB). */
export const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;
