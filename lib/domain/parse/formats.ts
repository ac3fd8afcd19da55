/**
 * Format ids as stored on a source and printed in the report (spec sections 1 and 7).
 */
export const FORMATS = [
  'jsonl', // JSON lines (pino, bunyan, zap, journald, cloud exports...)
  'json', // a JSON array of objects, or one object holding such an array
  'logfmt',
  'csv',
  'tsv',
  'text', // lines that start with an ISO 8601 / RFC 3339 / `yyyy-mm-dd hh:mm:ss,SSS` timestamp
  'syslog', // RFC 3164 and RFC 5424 (also RFC 6587 octet-counted framing)
  'access-log', // Apache / nginx common and combined
  'har',
  'otlp', // OTLP JSON traces and logs, whole documents or one request per line
  'jaeger',
  'zipkin',
] as const;

export type FormatId = (typeof FORMATS)[number];

export function isFormatId(value: string): value is FormatId {
  return (FORMATS as readonly string[]).includes(value);
}
