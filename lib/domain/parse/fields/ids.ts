/**
 * Identifier normalization (spec section 3). Trace and span ids are compared as lower-case hex;
 * 64-bit trace ids are left-padded with zeros to 128 bits, and so is a 31-digit id whose
 * leading zero an exporter dropped. Protobuf's generic JSON mapping writes ids as base64 (16
 * bytes for a trace, 8 for a span): those become hex too. Anything else is kept as written,
 * because a request id is an opaque string.
 */
const UPPER_HEX = /[A-F]/;
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function base64ToHex(value: string, bytes: number): string | null {
  if (value.length !== Math.ceil(bytes / 3) * 4 || !BASE64.test(value)) return null;
  const binary = atob(value);
  if (binary.length !== bytes) return null;
  let hex = '';
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

export function normalizeTraceId(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  if (s.length === 0) return null;
  if (HEX.test(s) && s.length <= 32) {
    if (/^0+$/.test(s)) return null; // all-zero ids mean "no trace" in every tracer
    // Most ids are lower case already, and toLowerCase copies them even then.
    const lower = UPPER_HEX.test(s) ? s.toLowerCase() : s;
    return s.length >= 16 ? lower.padStart(32, '0') : lower;
  }
  return base64ToHex(s, 16) ?? s;
}

/**
 * True when normalizeTraceId / normalizeSpanId read `value` as base64 (`bytes` 16 for a trace
 * id, 8 for a span id): the caller may want to say the id was converted.
 */
export function isBase64Id(value: unknown, bytes: 8 | 16): boolean {
  if (typeof value !== 'string') return false;
  const s = value.trim();
  return s.length > 0 && !HEX.test(s) && base64ToHex(s, bytes) !== null;
}

/**
 * The number of hex digits of a trace id that normalizeTraceId left-pads although it is not a
 * 64-bit id (17 to 31 digits: an exporter dropped leading zeros), else null. 16-digit ids are
 * normal (Zipkin, Jaeger) and give null.
 */
export function shortTraceIdDigits(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.length <= 16 || s.length >= 32 || !HEX.test(s) || /^0+$/.test(s)) return null;
  return s.length;
}

/** Words exporters write where a span has no parent (Nezha's trace CSVs: `root`). */
const NO_SPAN = new Set(['root', 'null', 'nil', 'none', '-']);
/** Longer ids skip the lower-cased copy the set lookup needs. */
const NO_SPAN_LONGEST = Math.max(...[...NO_SPAN].map((word) => word.length));

export function normalizeSpanId(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  if (s.length === 0 || (s.length <= NO_SPAN_LONGEST && NO_SPAN.has(s.toLowerCase()))) return null;
  if (HEX.test(s)) {
    if (/^0+$/.test(s)) return null;
    const lower = UPPER_HEX.test(s) ? s.toLowerCase() : s;
    return s.length <= 16 ? lower.padStart(16, '0') : lower;
  }
  return base64ToHex(s, 8) ?? s;
}

/** W3C traceparent `00-<32 hex trace id>-<16 hex parent id>-<flags>`: its trace and span ids. */
export function parseTraceparent(value: unknown): { traceId: string; spanId: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}/i.exec(value);
  if (!m) return null;
  const traceId = normalizeTraceId(m[1]);
  const spanId = normalizeSpanId(m[2]);
  return traceId && spanId ? { traceId, spanId } : null;
}

/** Google Cloud's `projects/P/traces/<hex>` trace reference. */
export function parseCloudTrace(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^projects\/[^/]+\/traces\/([0-9a-fA-F]{16,32})$/.exec(value.trim());
  return m ? normalizeTraceId(m[1]) : null;
}

/** Scalar id values become strings; objects and empty strings are not ids. */
export function idString(value: unknown): string | null {
  if (typeof value === 'string') {
    const s = value.trim();
    return s.length > 0 && s !== '-' ? s : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
