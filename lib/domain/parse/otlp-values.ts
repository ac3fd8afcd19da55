/**
 * Field-level reading of OTLP/JSON, in both spellings a file may use: the OTLP/JSON spec's
 * lowerCamelCase (`resourceSpans`, `stringValue`, `startTimeUnixNano`) and protobuf's
 * original snake_case names (`resource_spans`, `string_value`, `time_unix_nano`), which
 * protobuf JSON parsers accept and some exporters write.
 *
 * AnyValue becomes a plain JSON value: int64 (a string in OTLP/JSON) a number when it is
 * exactly representable, else the string; arrays and kvlists recursively; bytes stay base64.
 */
import type { EpochMs } from '../event';
import { isObject, type JsonObject } from './json-values';

const snakeCache = new Map<string, string>();
function snake(camel: string): string {
  let s = snakeCache.get(camel);
  if (s === undefined) {
    s = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(camel, s);
  }
  return s;
}

/** `o.camelName`, or its snake_case spelling. */
export function field(o: unknown, camelName: string): unknown {
  if (!isObject(o)) return undefined;
  const v = o[camelName];
  return v !== undefined ? v : o[snake(camelName)];
}

/** The first of several (older and newer) names that holds an array. */
export function arrayField(o: unknown, ...camelNames: string[]): unknown[] {
  for (const name of camelNames) {
    const v = field(o, name);
    if (Array.isArray(v)) return v;
  }
  return [];
}

export function stringField(o: unknown, camelName: string): string | null {
  const v = field(o, camelName);
  return typeof v === 'string' && v.length > 0 ? v : null;
}

function int64(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

/** One OTLP AnyValue to a plain JSON value (null for an empty value). */
export function anyValue(v: unknown): unknown {
  if (!isObject(v)) return null;
  const s = field(v, 'stringValue');
  if (s !== undefined) return s;
  const b = field(v, 'boolValue');
  if (b !== undefined) return b;
  const i = field(v, 'intValue');
  if (i !== undefined) return int64(i);
  const d = field(v, 'doubleValue');
  if (d !== undefined) return typeof d === 'string' ? Number(d) : d;
  const arr = field(v, 'arrayValue');
  if (arr !== undefined) return arrayField(arr, 'values').map(anyValue);
  const kv = field(v, 'kvlistValue');
  if (kv !== undefined) return keyValues(arrayField(kv, 'values'));
  const bytes = field(v, 'bytesValue');
  if (bytes !== undefined) return bytes;
  return null;
}

/** `[{key, value: AnyValue}]` to an object, in order; later duplicates win. */
export function keyValues(list: unknown[]): JsonObject {
  const out: JsonObject = {};
  for (const kv of list) {
    const key = field(kv, 'key');
    if (typeof key === 'string') out[key] = anyValue(field(kv, 'value'));
  }
  return out;
}

/** Nanoseconds since the epoch (a decimal string, or a number) to milliseconds; 0 is unset. */
export function nanosToMs(v: unknown): EpochMs | null {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v / 1e6 : null;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) return null;
  // Split so the 19-digit value keeps sub-millisecond precision beyond 2^53.
  const ms = v.length > 6 ? Number(v.slice(0, -6)) : 0;
  const frac = Number(v.slice(-6)) / 1e6;
  const total = ms + frac;
  return total > 0 ? total : null;
}

const KINDS = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

/** SpanKind as an int or an enum name (`SPAN_KIND_SERVER`) to `server`...; null if unspecified. */
export function spanKind(v: unknown): string | null {
  if (typeof v === 'number') return KINDS[v] || null;
  if (typeof v !== 'string') return null;
  const name = v.replace(/^SPAN_KIND_/i, '').toLowerCase();
  if (/^\d+$/.test(name)) return KINDS[Number(name)] || null;
  return KINDS.includes(name) && name !== '' ? name : null;
}

/** Status.code as an int (0 unset, 1 ok, 2 error) or a name (`STATUS_CODE_ERROR`, `Error`). */
export function statusCode(v: unknown): 'OK' | 'ERROR' | null {
  const name = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.replace(/^STATUS_CODE_/i, '').toUpperCase() : '';
  if (name === '1' || name === 'OK') return 'OK';
  if (name === '2' || name === 'ERROR') return 'ERROR';
  return null;
}
