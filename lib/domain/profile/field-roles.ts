/**
 * Which record fields can be what in a suggested profile:
 * - a key names its entity type: `item_id`, `itemId`, `item.id`, `itemID` -> `item`; request
 *   identity, spans, sessions and idempotency keys are not entities (spec section 3);
 * - a state field is a scalar that is none of: an id, a time, a message, a level, a service, a
 *   duration, or a column describing the HTTP exchange (access logs and HAR metadata describe
 *   the request, not an entity's state; spec section 5).
 */

const NOT_ENTITY_KEYS = new Set([
  'request_id', 'requestid', 'req_id', 'reqid', 'x-request-id', 'x_request_id', 'correlation_id', 'correlationid',
  'trace_id', 'traceid', 'trace.id', 'span_id', 'spanid', 'span.id', 'parent_id', 'parentid', 'parent_span_id',
  'parentspanid', 'session_id', 'sessionid', 'client_id', 'clientid', 'idempotency_key', 'idempotencykey',
  'message_id', 'messageid', 'event_id', 'eventid', 'log_id', 'logid', 'thread_id', 'threadid', 'process_id', 'pid',
]);

const KEY_PATTERN = /^(.+?)(?:_id|-id|\.id|Id|ID)$/;

/** The entity type a key field names, or null when the field is not an entity key. */
export function keyType(field: string): string | null {
  if (NOT_ENTITY_KEYS.has(field.toLowerCase())) return null;
  const match = KEY_PATTERN.exec(field);
  if (!match) return null;
  const base = match[1]!;
  // camelCase: `orderId` -> `order`, `lineItemId` -> `lineItem` (kept as written).
  const type = base.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /[A-Za-z]/.test(type) ? type : null;
}

const NOT_STATE = new Set([
  // time
  'ts', 'time', 'timestamp', '@timestamp', 'date', 'datetime', 't', 'eventtime',
  // text and levels
  'msg', 'message', 'log', 'level', 'log.level', 'severity', 'severity_text', 'logger', 'caller', 'stack', 'error',
  // who wrote it
  'service', 'service.name', 'svc', 'app', 'host', 'hostname', 'pod', 'container', 'device', 'version', 'build', 'env',
  'thread', 'tid', 'pid',
  // database statements describe the query, not the row
  'stmt', 'statement', 'sql', 'db.statement',
  // the record's kind
  'name', 'event', 'op', 'action', 'kind', 'span.kind', 'type', 'entity', 'state',
  // the HTTP exchange
  'method', 'path', 'url', 'uri', 'query', 'request_uri', 'requesturl', 'http.target', 'http.url', 'url.path', 'url.full',
  'http.method', 'http.route', 'http.status_code', 'code', 'status_code', 'statuscode', 'response_code', 'bytes',
  'user_agent', 'useragent', 'referer', 'remote_addr', 'client', 'upstream', 'httpversion', 'statustext', 'mimetype',
  'bodysize', 'contentsize', 'transfersize', 'redirecturl', 'serveripaddress', 'connection', 'pageref',
  'resourcetype', 'timings', 'requestbody', 'responsebody', 'x_forwarded_for',
  // durations
  'duration', 'duration_ms', 'elapsed', 'latency', 'responsetime', 'response_time', 'attempt',
]);

const NOT_STATE_SUFFIX = /(_ms|_us|_ns|_s|Ms|_at|At|_time|Time|_ts|_timestamp)$/;
const NOT_STATE_PREFIX = /^(resource|process|otel|telemetry|net|http|user_agent)\./;

export function isStateCandidate(field: string): boolean {
  const lower = field.toLowerCase();
  return !NOT_STATE.has(lower) && !NOT_ENTITY_KEYS.has(lower) && keyType(field) === null && !NOT_STATE_SUFFIX.test(field) && !NOT_STATE_PREFIX.test(lower);
}

/** A value a state field can hold: a scalar, short enough not to be prose. */
export function stateValue(value: unknown): string | number | boolean | null {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.length > 0 && value.length <= 80) return value;
  return null;
}

/** A value an id can be: a non-empty string or a number, as text (ids compare as text). */
export function idValue(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.length > 0 && value.length <= 128) return value;
  return null;
}
