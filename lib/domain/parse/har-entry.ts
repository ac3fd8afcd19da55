/**
 * One HAR 1.2 entry to one EvidenceEvent (spec sections 1-3, 5).
 *
 * Choices (documented in ARCHITECTURE.md):
 * - service = the source name: a HAR is one client and one clock domain; the server's host is
 *   an attribute, not a service (the client's clock timed the request, not the server's).
 * - name = `METHOD /path` (no query): what retries and reordering group by; the full URL,
 *   host and query are attributes.
 * - ts = startedDateTime; interval = [start, start + time] (time falls back to the sum of the
 *   non-negative timings).
 * - status = response.status as written, "0" included: an entry that never got a response is
 *   a real event (level error, message = the browser's `_error`, e.g.
 *   net::ERR_INTERNET_DISCONNECTED), a signal for the findings. It also gets a `no-response`
 *   diagnostic, so the source's summary says how many requests failed and why.
 * - level: error for status 0 / `_error` / 5xx, warn for 4xx, else info.
 * - ids: request then response headers named like identifier fields (x-request-id,
 *   traceparent, x-b3-traceid, x-correlation-id...), case-insensitive, read by record.ts.
 * - attributes.responseBody: the response body as the client saw it (state is read from it,
 *   spec section 5): parsed when it is JSON, kept as text when it is short text, else left out
 *   (binary and large bodies stay in `raw`, which is the entry's own JSON text).
 */
import type { Diagnostic, EvidenceEvent, Locator } from '../event';
import { parseTimestampValue } from './fields/timestamp';
import { isObject, numberAt, objectAt, stringAt, tryParseJson, type JsonObject } from './json-values';
import { normalizeRecord } from './record';

/** Text bodies longer than this are left in `raw` only: they are pages and scripts, not state. */
const MAX_TEXT_BODY_CHARS = 16 * 1024;

const TEXT_MIME = /json|text\/|xml|javascript|x-www-form-urlencoded|graphql/i;

function headerFields(request: JsonObject | null, response: JsonObject | null): JsonObject {
  const fields: JsonObject = {};
  for (const owner of [request, response]) {
    const headers = owner?.headers;
    if (!Array.isArray(headers)) continue;
    for (const h of headers) {
      const name = stringAt(h, 'name');
      const value = isObject(h) ? h.value : undefined;
      if (name === null || typeof value !== 'string') continue;
      const key = name.toLowerCase();
      // A request header wins over the same header echoed by the response.
      if (!(key in fields)) fields[key] = value;
    }
  }
  return fields;
}

function decodeBase64Text(value: string): string | null {
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The response body as the client saw it, in the most useful form, or undefined. */
export function responseBody(content: JsonObject | null): unknown {
  const text = stringAt(content, 'text');
  if (text === null) return undefined;
  const mime = stringAt(content, 'mimeType') ?? '';
  const base64 = stringAt(content, 'encoding') === 'base64';
  if (base64 && !TEXT_MIME.test(mime)) return undefined;
  const body = base64 ? decodeBase64Text(text) : text;
  if (body === null) return undefined;
  const trimmed = body.trimStart();
  if (/json/i.test(mime) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = tryParseJson(body);
    if (parsed.ok) return parsed.value;
  }
  return body.length <= MAX_TEXT_BODY_CHARS ? body : undefined;
}

function durationMs(entry: JsonObject): number | null {
  const time = numberAt(entry, 'time');
  if (time !== null && time >= 0) return time;
  const timings = objectAt(entry, 'timings');
  if (!timings) return null;
  let sum = 0;
  let any = false;
  for (const key of ['blocked', 'dns', 'connect', 'send', 'wait', 'receive']) {
    const t = numberAt(timings, key);
    if (t !== null && t >= 0) {
      sum += t;
      any = true;
    }
  }
  return any ? sum : null;
}

function levelFor(status: number | null, error: string | null): string {
  if (error !== null || status === null || status === 0 || status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'info';
}

function splitUrl(url: string | null): { host: string | null; path: string | null; query: string | null } {
  if (url === null) return { host: null, path: null, query: null };
  try {
    const u = new URL(url);
    return { host: u.host || null, path: u.pathname || '/', query: u.search.length > 1 ? u.search.slice(1) : null };
  } catch {
    const q = url.indexOf('?');
    return { host: null, path: q < 0 ? url : url.slice(0, q), query: q < 0 ? null : url.slice(q + 1) };
  }
}

/** Sets a key only when there is something to say: attributes stay readable. */
function put(target: JsonObject, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  target[key] = value;
}

export function harEntryToEvent(
  entry: JsonObject,
  raw: string,
  index: number,
  sourceName: string,
): { event: EvidenceEvent; diagnostics: Diagnostic[] } {
  const locator: Locator = { index };
  const diagnostics: Diagnostic[] = [];
  const request = objectAt(entry, 'request');
  const response = objectAt(entry, 'response');
  const content = objectAt(response, 'content');
  const method = stringAt(request, 'method')?.toUpperCase() ?? null;
  const url = stringAt(request, 'url');
  const { host, path, query } = splitUrl(url);
  const status = numberAt(response, 'status');
  const error = stringAt(response, '_error') ?? stringAt(entry, '_error');

  const started = parseTimestampValue(entry.startedDateTime);
  if (started === null) {
    diagnostics.push({ locator, code: 'missing-timestamp', message: `index ${index}: HAR entry without a valid startedDateTime` });
  }
  if (status === null || status === 0) {
    const why = [status === 0 ? 'status 0' : 'no response status', error].filter((x) => x !== null).join(', ');
    diagnostics.push({
      locator,
      code: 'no-response',
      message: `index ${index}: the request got no response (${why}); kept as an error event`,
    });
  }
  const duration = durationMs(entry);
  const statusText = stringAt(response, 'statusText');
  let message: string;
  if (status === null || status === 0) message = error ?? 'no response';
  else {
    message = statusText ? `${status} ${statusText}` : String(status);
    // Chrome records transport errors on answered requests too (ERR_QUIC_PROTOCOL_ERROR on a 200).
    if (error !== null) message += ` (${error})`;
  }

  const attributes: JsonObject = {};
  put(attributes, 'method', method);
  put(attributes, 'url', url);
  put(attributes, 'host', host);
  put(attributes, 'path', path);
  put(attributes, 'query', query);
  put(attributes, 'httpVersion', stringAt(request, 'httpVersion'));
  put(attributes, 'statusText', statusText);
  put(attributes, 'error', error);
  put(attributes, 'mimeType', stringAt(content, 'mimeType'));
  put(attributes, 'bodySize', numberAt(response, 'bodySize'));
  put(attributes, 'contentSize', numberAt(content, 'size'));
  put(attributes, 'transferSize', numberAt(response, '_transferSize'));
  put(attributes, 'redirectURL', stringAt(response, 'redirectURL'));
  put(attributes, 'serverIPAddress', stringAt(entry, 'serverIPAddress'));
  put(attributes, 'connection', stringAt(entry, 'connection'));
  put(attributes, 'pageref', stringAt(entry, 'pageref'));
  put(attributes, 'resourceType', stringAt(entry, '_resourceType'));
  put(attributes, 'timings', objectAt(entry, 'timings'));
  const postText = stringAt(objectAt(request, 'postData'), 'text');
  if (postText !== null && postText.length <= MAX_TEXT_BODY_CHARS) put(attributes, 'requestBody', postText);
  put(attributes, 'responseBody', responseBody(content));
  const ws = entry._webSocketMessages;
  if (Array.isArray(ws)) attributes.webSocketMessages = ws.length;

  // Identifier headers go through the same field names as every other record.
  const headers = headerFields(request, response);
  const ids = normalizeRecord({ fields: headers, locator, raw, sourceName }).ids;
  // A retried request that repeats a side effect is recognised by its idempotency key (spec 6.4).
  put(attributes, 'idempotency_key', typeof headers['idempotency-key'] === 'string' ? headers['idempotency-key'] : null);
  const event: EvidenceEvent = {
    locator,
    ts: started,
    interval: started !== null && duration !== null ? [started, started + duration] : null,
    service: sourceName,
    level: levelFor(status, error),
    name: method !== null ? (path !== null ? `${method} ${path}` : method) : path,
    status: status !== null ? String(status) : null,
    message,
    ids,
    attributes,
    raw,
    unparsed: false,
  };
  return { event, diagnostics };
}
