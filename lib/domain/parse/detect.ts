/**
 * Format detection from content, never from the file name (spec section 1).
 *
 * The head of the decoded content (BOM removed) is offered to the JSON family first, since a
 * JSON document or JSON line is unmistakable once it parses, then to the line formats. Each
 * detector answers a format or null; the answer for "none" lists what was tried, so the
 * source's error can say it.
 */
import { detectJsonFormat } from './detect-json';
import { detectTextFormat } from './detect-text';
import type { FormatId } from './formats';

/** 64 KiB: enough for a HAR's `log.entries` key, an OTLP envelope, a CSV header and many lines. */
export const DETECT_HEAD_CHARS = 65_536;

export type Detection = { format: FormatId; reason: string } | { format: null; tried: string[] };

const TRIED = [
  'JSON lines',
  'JSON array/object',
  'HAR 1.2',
  'OTLP JSON',
  'Jaeger JSON',
  'Zipkin v2',
  'logfmt',
  'CSV/TSV with a header row',
  'timestamped text lines (ISO 8601, yyyy-mm-dd hh:mm:ss,SSS)',
  'syslog RFC 3164/5424',
  'Apache/nginx access log',
];

export function detectFormat(head: string): Detection {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  return detectJsonFormat(text) ?? detectTextFormat(text) ?? { format: null, tried: TRIED };
}
