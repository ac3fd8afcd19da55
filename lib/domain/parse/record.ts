/**
 * One structured record (a JSON object, a logfmt line, a CSV row, the key=value pairs of a
 * text line) to one EvidenceEvent, by the field names of spec sections 2 and 3.
 *
 * Field names match case-insensitively; `a.b` names both a flat key "a.b" and `{a: {b}}`.
 * Where a record has several candidates for one slot, the earlier name in each list wins.
 * The fields that fill time, service, level, message and identity are taken out of
 * `attributes`; everything else stays, including status, name sources and durations, because
 * they may be entity state (spec section 5).
 *
 * Choices the spec leaves open (documented in ARCHITECTURE.md):
 * - start/end time pairs (`startTime`/`endTime`, `StartTimeUnixNano`/`EndTimeUnixNano`) make an
 *   interval and win over a duration field, whose unit such exports rarely say;
 * - a message field that holds a JSON object, or a string that is one (Docker's json-file `log`,
 *   Kubernetes sidecars), is an embedded record: its fields fill the slots first;
 * - without a service field, a Kubernetes pod name stands for its workload (`cart-7d4f9-x2k1p`
 *   -> `cart`), so the replicas of one service share a clock domain;
 * - without a level field, an upper-case level word opening the message (after an optional
 *   time of day) is the level (levelFromMessage);
 * - a message that opens like JSON but does not parse stays text, and is noted for the caller
 *   to report as `truncated-json` (RecordNotes).
 */
import type { EpochMs, EventIds, EvidenceEvent, Locator } from '../event';
import { parseDurationMs } from './fields/duration';
import {
  idString,
  normalizeSpanId,
  normalizeTraceId,
  parseCloudTrace,
  parseTraceparent,
} from './fields/ids';
import { fromSyslogSeverity, normalizeLevel } from './fields/level';
import { parseTimestampValue } from './fields/timestamp';
import { isObject } from './json-values';
import { TextCache } from '../text-cache';

const ROLES = [
  'ts', 'start', 'end', 'duration', 'service', 'pod', 'level', 'priority', 'message', 'name',
  'method', 'path', 'status', 'requestId', 'correlationId', 'traceId', 'traceparent',
  'cloudTrace', 'spanId', 'parentSpanId', 'sessionId',
] as const;
type Role = (typeof ROLES)[number];
/** Role -> its slot number (Slots keeps one slot per role). */
const ROLE_INDEX = Object.fromEntries(ROLES.map((role, i) => [role, i])) as Record<Role, number>;

/** Lower-cased field name -> [role's slot number, rank]; lower rank wins within a role. */
const FIELDS = new Map<string, [number, number]>();
function names(role: Role, list: string[]): void {
  list.forEach((name, rank) => FIELDS.set(name, [ROLE_INDEX[role], rank]));
}
// `lasttimestamp`: Kubernetes core/v1 Events, whose eventTime is usually null.
names('ts', ['ts', 'time', 'timestamp', '@timestamp', 'date', 'datetime', 't', 'eventtime', '__realtime_timestamp', 'lasttimestamp']);
names('start', ['starttime', 'start_time', 'starttimeunixnano', 'start_time_unix_nano', 'startedat', 'started_at']);
names('end', ['endtime', 'end_time', 'endtimeunixnano', 'end_time_unix_nano', 'endedat', 'ended_at']);
names('duration', ['duration_ms', 'duration', 'elapsed', 'latency', 'responsetime', 'response_time']);
names('service', ['service', 'service.name', 'svc', 'app', 'service_name', 'servicename']);
names('pod', ['podname', 'pod_name', 'k8s.pod.name', 'kubernetes.pod_name']);
names('level', ['level', 'severity', 'lvl', 'loglevel', 'log.level', 'levelname', 'severitytext', 'severity_text']);
names('priority', ['priority']);
names('message', ['msg', 'message', 'log', 'text', 'body']);
names('name', ['event', 'op', 'operation', 'operationname', 'operation_name', 'span_name', 'spanname']);
names('method', ['method', 'http.method', 'http.request.method', 'request_method', 'requestmethod']);
names('path', ['path', 'url', 'uri', 'url.path', 'http.target', 'http.url', 'request_uri', 'requesturl']);
names('status', ['status', 'status_code', 'statuscode', 'http.status_code', 'http.response.status_code']);
names('requestId', ['request_id', 'requestid', 'req_id', 'reqid', 'x-request-id', 'x_request_id']);
names('correlationId', ['correlation_id', 'correlationid', 'x-correlation-id']);
names('traceId', ['trace_id', 'traceid', 'trace.id', 'x-b3-traceid']);
names('traceparent', ['traceparent']);
names('cloudTrace', ['trace', 'logging.googleapis.com/trace']);
names('spanId', ['span_id', 'spanid', 'span.id', 'x-b3-spanid']);
names('parentSpanId', ['parent_span_id', 'parentspanid', 'parent_id', 'parentid', 'x-b3-parentspanid']);
names('sessionId', ['session_id', 'sessionid', 'client_id', 'clientid']);

/** Roles whose field is metadata, not data: removed from attributes once used. */
const CONSUMED_ROLES: Role[] = [
  'ts',
  'service',
  'level',
  'message',
  'requestId',
  'correlationId',
  'traceId',
  'traceparent',
  'spanId',
  'parentSpanId',
  'sessionId',
];
const CONSUMED = CONSUMED_ROLES.map((role) => ROLE_INDEX[role]);

/** Objects whose members carry roles under dotted names (`service.name`, `req.method`...). */
const NESTED_PREFIXES = new Set(['service', 'trace', 'span', 'log', 'http', 'url', 'req', 'request', 'httprequest', 'k8s', 'kubernetes', 'res', 'response']);

const NESTED_ALIASES = new Map<string, string>([
  ['req.method', 'method'],
  ['req.url', 'path'],
  ['request.method', 'method'],
  ['request.uri', 'path'],
  ['request.url', 'path'],
  ['httprequest.requestmethod', 'method'],
  ['httprequest.requesturl', 'path'],
  ['httprequest.status', 'status'],
  ['httprequest.latency', 'duration'],
  ['res.statuscode', 'status'],
  ['response.status', 'status'],
]);

/**
 * The best candidate field per role of one record. Reused record after record (`reset` moves to
 * a new generation) instead of a Map and a slot object per role per record: with the name
 * caches below, the parse of 1M JSON lines allocates 2.1 GB instead of 4.2 GB, and garbage
 * collection was the parse worker's largest cost (3 s of 7.4-10 s).
 */
class Slots {
  private readonly ranks = new Float64Array(ROLES.length);
  private readonly keys: string[] = new Array<string>(ROLES.length).fill('');
  private readonly values: unknown[] = new Array<unknown>(ROLES.length).fill(undefined);
  /** stamps[role] === generation: the role has a candidate in the current record. */
  private readonly stamps = new Float64Array(ROLES.length);
  private generation = 0;

  reset(): this {
    this.generation++;
    return this;
  }

  offer(role: number, rank: number, key: string, value: unknown): void {
    if (value === null || value === undefined || value === '') return;
    if (this.stamps[role] !== this.generation || rank < (this.ranks[role] as number)) {
      this.stamps[role] = this.generation;
      this.ranks[role] = rank;
      this.keys[role] = key;
      this.values[role] = value;
    }
  }

  value(role: Role): unknown {
    const i = ROLE_INDEX[role];
    return this.stamps[i] === this.generation ? this.values[i] : undefined;
  }

  /** The field name that filled the role (`service.name` for a nested one). */
  key(role: number): string | undefined {
    return this.stamps[role] === this.generation ? this.keys[role] : undefined;
  }
}

/** One Slots per nesting depth (an embedded record is normalized while its outer one is open). */
const SLOTS_BY_DEPTH: Slots[] = [];

function slotsAt(depth: number): Slots {
  return (SLOTS_BY_DEPTH[depth] ??= new Slots()).reset();
}

/** Field names in lower case (TextCache says why cached). */
const LOWER_NAMES = new TextCache((key) => key.toLowerCase(), 10_000, 64);

function collect(fields: Record<string, unknown>, slots: Slots): void {
  for (const key in fields) {
    // `for...in` without the array `Object.keys` makes, and like it own keys only: a record
    // built by assignment can have a prototype of its own (a `__proto__` field).
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    const lower = LOWER_NAMES.get(key);
    const known = FIELDS.get(lower);
    // An object under a known name is a namespace (`service: {name}`), except a message, which
    // may hold an embedded record.
    if (known && (known[0] === ROLE_INDEX.message || (typeof value !== 'object' || value === null))) {
      slots.offer(known[0], known[1], key, value);
    }
    if (isObject(value) && NESTED_PREFIXES.has(lower)) {
      for (const inner of Object.keys(value)) {
        const dotted = `${lower}.${inner.toLowerCase()}`;
        const alias = NESTED_ALIASES.get(dotted);
        const role = alias ? FIELDS.get(alias) : FIELDS.get(dotted);
        // Nested names rank after flat ones: a record's own top-level field is the clearer claim.
        if (role) slots.offer(role[0], role[1] + 100, `${key}.${inner}`, value[inner]);
      }
    }
  }
}

/** Deployment pods are `<workload>-<replicaset hash>-<5 chars>`; stateful sets `<name>-<n>`. */
export function workloadOfPod(pod: string): string {
  const m = /^(.+?)-[0-9a-f]{6,10}-[0-9a-z]{5}$/.exec(pod) ?? /^(.+)-[0-9a-z]{5}$/.exec(pod);
  return m?.[1] ?? pod;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Something normalizeRecord noticed that its caller may report as a diagnostic. */
export interface RecordNotes {
  /**
   * The message field's text starts like JSON (`{"`, `[{`, `["`, `[[`) but does not parse: the
   * field's name and why (cut off, or the parser's error). The message keeps the text.
   */
  brokenJson?: { field: string; reason: string };
}

/** The `truncated-json` diagnostic's reason, worded alike by every parser that reports it. */
export function brokenJsonReason(brokenJson: NonNullable<RecordNotes['brokenJson']>): string {
  return `the \`${brokenJson.field}\` field starts like JSON but ${brokenJson.reason}; kept as plain text, its fields were not read`;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)) i++;
  return i;
}

/** `{` then `"` or `}`; `[` then `{`, `[`, `"` or `]`: how JSON opens, and prose (`[INFO]`, `{name}`) does not. */
function opensLikeJson(s: string, start: number): boolean {
  const open = s.charCodeAt(start);
  const next = s.charCodeAt(skipSpace(s, start + 1));
  if (open === 123) return next === 34 || next === 125; // {" {}
  return open === 91 && (next === 123 || next === 91 || next === 34 || next === 93); // [{ [[ [" []
}

/** More openers than closers outside strings, or an open string: the text was cut off. */
export function isCutOffJson(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth > 0 || inString;
}

/**
 * The record a message field holds (an object, or a string that is a JSON object), else null.
 * With `notes`, a string that opens like JSON but does not parse is noted; strings that do not
 * start with `{` or `[` cost one character test.
 */
function embeddedRecord(value: unknown, key: string | undefined, notes: RecordNotes | undefined): Record<string, unknown> | null {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return null;
  const start = skipSpace(value, 0);
  const first = value.charCodeAt(start);
  if (first !== 123 && first !== 91) return null;
  const s = value.trim();
  const looksLikeJson = notes !== undefined && opensLikeJson(value, start);
  if (!looksLikeJson && (first !== 123 || s.charCodeAt(s.length - 1) !== 125)) return null;
  try {
    const parsed: unknown = JSON.parse(s);
    return isObject(parsed) ? parsed : null;
  } catch (error) {
    if (looksLikeJson && notes.brokenJson === undefined) {
      notes.brokenJson = {
        field: key ?? 'message',
        reason: isCutOffJson(s) ? 'it is cut off before its end' : `it does not parse (${error instanceof Error ? error.message : String(error)})`,
      };
    }
    return null;
  }
}

function readIds(slots: Slots): EventIds {
  const traceparent = parseTraceparent(slots.value('traceparent'));
  return {
    requestId: idString(slots.value('requestId')),
    correlationId: idString(slots.value('correlationId')),
    traceId:
      normalizeTraceId(slots.value('traceId')) ??
      traceparent?.traceId ??
      parseCloudTrace(slots.value('cloudTrace')),
    spanId: normalizeSpanId(slots.value('spanId')) ?? traceparent?.spanId ?? null,
    parentSpanId: normalizeSpanId(slots.value('parentSpanId')),
    sessionId: idString(slots.value('sessionId')),
  };
}

function readLevel(slots: Slots): string | null {
  const level = normalizeLevel(slots.value('level'));
  if (level) return level;
  const priority = Number(slots.value('priority'));
  return Number.isInteger(priority) && priority >= 0 && priority <= 7 ? fromSyslogSeverity(priority) : null;
}

function readName(slots: Slots): string | null {
  const explicit = text(slots.value('name'));
  if (explicit) return explicit;
  const method = text(slots.value('method'));
  const path = text(slots.value('path'));
  return method && path ? `${method.toUpperCase()} ${path}` : null;
}

/** `defaultTs`: the time the format supplies (a text line's header), so a duration still makes an interval. */
function readTimes(slots: Slots, defaultTs: EpochMs | null): { ts: EpochMs | null; interval: [EpochMs, EpochMs] | null } {
  const ts = parseTimestampValue(slots.value('ts')) ?? defaultTs;
  const start = parseTimestampValue(slots.value('start'));
  const end = parseTimestampValue(slots.value('end'));
  if (start !== null && end !== null && end >= start) return { ts: ts ?? start, interval: [start, end] };
  if (ts === null) return { ts: start, interval: null };
  const duration = parseDurationMs(slots.value('duration'));
  // A record with a duration was written when the work ended (spec section 2).
  return { ts, interval: duration !== null ? [ts - duration, ts] : null };
}

/** Reused by attributesWithout: the names of the fields a record's consumed roles took. */
const consumedKeys: string[] = [];

function attributesWithout(fields: Record<string, unknown>, slots: Slots): Record<string, unknown> {
  consumedKeys.length = 0;
  for (const role of CONSUMED) {
    const key = slots.key(role);
    if (key !== undefined) consumedKeys.push(key);
  }
  const attributes: Record<string, unknown> = {};
  for (const key in fields) if (Object.hasOwn(fields, key) && !consumedKeys.includes(key)) attributes[key] = fields[key];
  return attributes;
}

export interface RecordInput {
  fields: Record<string, unknown>;
  locator: Locator;
  raw: string;
  sourceName: string;
  /** Values the format itself supplies (a syslog header's time, an access log's path). */
  defaults?: Partial<Omit<EvidenceEvent, 'locator' | 'raw' | 'unparsed' | 'attributes' | 'ids'>>;
}

/** The slots of one record without defaults; `null` where the record says nothing. */
function normalizeFields(
  fields: Record<string, unknown>,
  defaultTs: EpochMs | null,
  notes: RecordNotes | undefined,
  depth = 0,
): Omit<EvidenceEvent, 'locator' | 'raw' | 'unparsed'> {
  const slots = slotsAt(depth);
  collect(fields, slots);
  const messageValue = slots.value('message');
  const embedded = embeddedRecord(messageValue, slots.key(ROLE_INDEX.message), notes);
  // No object spread here: V8 adds every property that follows a spread on a slow path, which
  // made this function 4x slower (7 µs instead of 1.7 µs per record).
  const times = readTimes(slots, defaultTs);
  const outer = {
    ts: times.ts,
    interval: times.interval,
    service: text(slots.value('service')) ?? (text(slots.value('pod')) ? workloadOfPod(text(slots.value('pod')) as string) : null),
    level: readLevel(slots),
    name: readName(slots),
    status: text(slots.value('status')),
    message: embedded ? null : trimNewline(text(messageValue)),
    ids: readIds(slots),
    attributes: attributesWithout(fields, slots),
  };
  if (!embedded) return outer;
  const inner = normalizeFields(embedded, null, notes, depth + 1);
  return {
    ts: inner.ts ?? outer.ts,
    interval: inner.interval ?? outer.interval,
    service: inner.service ?? outer.service,
    level: inner.level ?? outer.level,
    name: inner.name ?? outer.name,
    status: inner.status ?? outer.status,
    message: inner.message ?? outer.message,
    ids: mergeIds(inner.ids, outer.ids),
    attributes: { ...outer.attributes, ...inner.attributes },
  };
}

function mergeIds(first: EventIds, second: EventIds): EventIds {
  return {
    requestId: first.requestId ?? second.requestId,
    correlationId: first.correlationId ?? second.correlationId,
    traceId: first.traceId ?? second.traceId,
    spanId: first.spanId ?? second.spanId,
    parentSpanId: first.parentSpanId ?? second.parentSpanId,
    sessionId: first.sessionId ?? second.sessionId,
  };
}

function trimNewline(s: string | null): string | null {
  if (s === null) return null;
  return s.endsWith('\n') ? s.replace(/\r?\n$/, '') : s;
}

/**
 * A level word in upper case that opens a message, after an optional time of day:
 * `17:33:14.720 ERROR 1 --- [main] ...` (Spring Boot's console pattern, inside a Docker `log`),
 * `WARNING: This is a development server`, `[ERROR] ...`. Upper case only: `Error while ...`
 * is prose.
 */
const MESSAGE_LEVEL = /^\s*(?:\[?\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\]?\s+)?\[?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|CRITICAL|FATAL)(?:\]|:|\s|$)/;

/** The level a message opens with; only tried when the record names no level. */
export function levelFromMessage(message: string | null): string | null {
  if (message === null) return null;
  const c = message.charCodeAt(0);
  // Cheap reject: a level word or a time must come first (after spaces or `[`).
  if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 91 || c === 32 || c === 9)) return null;
  const word = MESSAGE_LEVEL.exec(message)?.[1];
  return word !== undefined ? normalizeLevel(word) : null;
}

/**
 * `notes` (optional) collects what the caller may report: see RecordNotes. Callers that do not
 * pass it pay nothing extra.
 */
export function normalizeRecord(input: RecordInput, notes?: RecordNotes): EvidenceEvent {
  const d = input.defaults ?? {};
  const slots = normalizeFields(input.fields, d.ts ?? null, notes);
  const message = slots.message ?? d.message ?? null;
  return {
    locator: input.locator,
    ts: slots.ts ?? d.ts ?? null,
    interval: slots.interval ?? d.interval ?? null,
    service: slots.service ?? d.service ?? input.sourceName,
    level: slots.level ?? d.level ?? levelFromMessage(message),
    name: slots.name ?? d.name ?? null,
    status: slots.status ?? d.status ?? null,
    message,
    ids: slots.ids,
    attributes: slots.attributes,
    raw: input.raw,
    unparsed: false,
  };
}
