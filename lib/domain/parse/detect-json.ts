/**
 * Detection of the JSON family from the head of a file (the first 64 KiB, BOM removed).
 *
 * The head is read three ways, most precise first:
 * 1. its first line parses on its own: a JSON-lines file, unless that value is a whole
 *    document of a known kind (a minified HAR/OTLP/Jaeger/Zipkin file is one line too), or a
 *    lone line that is an envelope of records (`{"items":[...]}`);
 * 2. the whole head parses: a complete pretty-printed document, classified by its shape;
 * 3. neither (the head cuts a large document): the opening keys are matched textually, and
 *    for a root array the first element is cut out with the array scanner and classified.
 *
 * Shapes: HAR = object with `log.entries`; OTLP = object with resourceSpans / resourceLogs
 * (or snake_case), possibly wrapped as `{"result": ...}`, also one such request per line;
 * Jaeger = `{"data": [trace]}`, a trace object `{traceID, spans}`, or an array of spans with
 * traceID + spanID; Zipkin v2 = array of spans with traceId + id (or an array of such arrays,
 * as /api/v2/traces returns); anything else that is JSON is `jsonl` or `json`.
 */
import type { FormatId } from './formats';
import { JsonArrayScanner } from './json-array-scanner';
import { isRecordArrayKey } from './json-array';
import { isObject, tryParseJson, type JsonObject } from './json-values';

export type JsonDetection = { format: FormatId; reason: string };

const OTLP_KEYS = ['resourceSpans', 'resourceLogs', 'resource_spans', 'resource_logs'];

function isOtlpRequest(o: JsonObject): boolean {
  return OTLP_KEYS.some((k) => Array.isArray(o[k]));
}

export function isOtlpDocument(value: unknown): boolean {
  if (!isObject(value)) return false;
  return isOtlpRequest(value) || (isObject(value.result) && isOtlpRequest(value.result));
}

export function isHarDocument(value: unknown): boolean {
  return isObject(value) && isObject(value.log) && Array.isArray(value.log.entries);
}

export function isJaegerTrace(value: unknown): boolean {
  return isObject(value) && typeof value.traceID === 'string' && Array.isArray(value.spans);
}

function isJaegerSpan(value: unknown): boolean {
  return isObject(value) && typeof value.traceID === 'string' && typeof value.spanID === 'string';
}

function isZipkinSpan(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.traceId === 'string' &&
    typeof value.id === 'string' &&
    !('spanID' in value) &&
    ('timestamp' in value || 'localEndpoint' in value || 'duration' in value || 'name' in value || 'kind' in value)
  );
}

function isJaegerEnvelope(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.data)) return false;
  const first: unknown = value.data[0];
  return first === undefined ? 'total' in value || 'errors' in value : isJaegerTrace(first);
}

/** Classifies the first element of a root array. */
function classifyElement(first: unknown): JsonDetection {
  if (isJaegerSpan(first)) return { format: 'jaeger', reason: 'array of Jaeger spans (traceID, spanID)' };
  if (isJaegerTrace(first)) return { format: 'jaeger', reason: 'array of Jaeger traces (traceID, spans)' };
  if (isZipkinSpan(first)) return { format: 'zipkin', reason: 'array of Zipkin v2 spans (traceId, id)' };
  if (Array.isArray(first) && isZipkinSpan(first[0])) {
    return { format: 'zipkin', reason: 'array of Zipkin v2 traces (arrays of spans)' };
  }
  return { format: 'json', reason: 'JSON array' };
}

/** A complete JSON value: a trace/HAR document, or null when it is plain log data. */
function classifyDocument(value: unknown): JsonDetection | null {
  if (Array.isArray(value)) return classifyElement(value[0]);
  if (isHarDocument(value)) return { format: 'har', reason: 'HAR: object with log.entries' };
  if (isOtlpDocument(value)) return { format: 'otlp', reason: 'OTLP JSON: resourceSpans/resourceLogs' };
  if (isJaegerEnvelope(value)) return { format: 'jaeger', reason: 'Jaeger JSON: {"data": [traces]}' };
  if (isJaegerTrace(value)) return { format: 'jaeger', reason: 'Jaeger trace object (traceID, spans)' };
  return null;
}

function holdsRecordArray(o: JsonObject): boolean {
  return Object.keys(o).some((k) => {
    const v = o[k];
    return isRecordArrayKey(k) && Array.isArray(v) && v.length > 0 && v.every(isObject);
  });
}

const OPENING_PATTERNS: Array<[RegExp, JsonDetection]> = [
  [/^\{\s*"log"\s*:\s*\{/, { format: 'har', reason: 'HAR: object opening with "log"' }],
  [
    /^\{\s*(?:"result"\s*:\s*\{\s*)?"(?:resourceSpans|resourceLogs|resource_spans|resource_logs)"\s*:/,
    { format: 'otlp', reason: 'OTLP JSON: object opening with resourceSpans/resourceLogs' },
  ],
  [/^\{\s*"data"\s*:\s*\[\s*\{\s*"traceID"\s*:/, { format: 'jaeger', reason: 'Jaeger JSON: {"data": [traces]}' }],
  [/^\{\s*"traceID"\s*:\s*"[^"]*"\s*,\s*"spans"\s*:/, { format: 'jaeger', reason: 'Jaeger trace object (traceID, spans)' }],
];

/**
 * The first element of a root array cut from an incomplete head, parsed; undefined if none, or
 * if the array closes inside the head (then the head is not a prefix of one JSON array: a text
 * line such as `[1] started` has trailing text).
 */
function firstElementOf(head: string): unknown {
  let first: unknown;
  let got = false;
  const scanner = new JsonArrayScanner(
    (path) => path.length === 0,
    0,
    (text) => {
      if (got) return;
      got = true;
      const parsed = tryParseJson(text);
      first = parsed.ok ? parsed.value : undefined;
    },
  );
  scanner.write(head);
  if (scanner.done) return undefined;
  if (!got) {
    const pending = scanner.finish().pending;
    const parsed = pending === null ? null : tryParseJson(pending);
    if (parsed?.ok) first = parsed.value;
  }
  return first;
}

const SAMPLE_LINES = 200;

/**
 * JSON lines among other lines (`# comment` headers, plain text): most non-blank lines of the
 * head are JSON objects. A line cut by the end of the head is not counted against the file.
 */
function mostlyJsonLines(text: string): { objects: number; others: number } {
  const lines = text.split('\n', SAMPLE_LINES + 1);
  const complete = lines.length > SAMPLE_LINES ? lines.slice(0, SAMPLE_LINES) : lines;
  let objects = 0;
  let others = 0;
  complete.forEach((raw, i) => {
    const line = raw.trim();
    if (line.length === 0) return;
    const parsed = tryParseJson(line);
    if (parsed.ok && isObject(parsed.value)) objects++;
    else if (i < complete.length - 1 || lines.length > complete.length) others++;
  });
  return { objects, others };
}

export function detectJsonFormat(head: string): JsonDetection | null {
  const text = head.trimStart();
  const open = text[0];
  if (open !== '{' && open !== '[') {
    const { objects, others } = mostlyJsonLines(text);
    return objects > 0 && objects >= others
      ? { format: 'jsonl', reason: `JSON lines (${others} of the first lines are not JSON)` }
      : null;
  }

  // 1. Line by line.
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  const line = tryParseJson(firstLine);
  if (line.ok && (isObject(line.value) || Array.isArray(line.value))) {
    const moreLines = nl >= 0 && text.slice(nl + 1).trim().length > 0;
    if (isOtlpDocument(line.value)) {
      return { format: 'otlp', reason: moreLines ? 'OTLP JSON lines: one request per line' : 'OTLP JSON: resourceSpans/resourceLogs' };
    }
    if (!moreLines) {
      const doc = classifyDocument(line.value);
      if (doc) return doc;
      if (isObject(line.value) && holdsRecordArray(line.value)) {
        return { format: 'json', reason: 'JSON object holding an array of records' };
      }
    }
    return { format: 'jsonl', reason: 'JSON lines: the first line is a JSON value' };
  }

  // 2. A complete document.
  const whole = tryParseJson(text);
  if (whole.ok) {
    return classifyDocument(whole.value) ?? { format: 'json', reason: 'JSON object' };
  }

  // A JSON-lines file whose first line is broken.
  const sample = mostlyJsonLines(text);
  if (sample.objects >= 2 && sample.objects >= sample.others) {
    return { format: 'jsonl', reason: 'JSON lines: most lines are JSON objects' };
  }

  // 3. The head of a larger document.
  if (open === '[') {
    // A text log line such as `[2024-01-01 10:00:00] INFO ...` also opens with a bracket.
    const first = firstElementOf(text);
    if (first === undefined) return /^\[\s*[{[]/.test(text) ? { format: 'json', reason: 'JSON array' } : null;
    return isObject(first) || Array.isArray(first) ? classifyElement(first) : null;
  }
  for (const [pattern, detection] of OPENING_PATTERNS) if (pattern.test(text)) return detection;
  if (!/^\{\s*("|\})/.test(text)) return null;
  // Several pretty-printed objects one after another (`jq .` output) read as `json` too.
  return { format: 'json', reason: 'JSON object' };
}
