/**
 * duplicate_effect (spec 6.4): one effect happened twice.
 *
 * Rule. Two events that match one profile `effects` entry (every `match` field equal) with
 * equal values of all its `sameWhen` fields: the second is a duplicate. Without a profile: two
 * events with the same `idempotency_key` / `idempotencyKey` / `Idempotency-Key` header and the
 * same name.
 *
 * Choices where the spec is silent:
 * - "Second" is in aligned order (ties: input order); every later repetition is a duplicate of
 *   the first, each its own finding with the first occurrence as evidence.
 * - Fields are looked up like state fields: the record's own fields (case-insensitive, dotted
 *   names reach into objects), then the normalized properties the parsers take out of the
 *   attributes: identifier fields (`correlation_id`, `request_id`, `trace_id`, `session_id`...)
 *   read the event's normalized ids, and `service`, `level`, `message`, `name`, `status` its
 *   normalized properties. Values compare normalized ("7" equals 7).
 * - An event missing any `match` or `sameWhen` field is not the effect, or cannot be shown to be
 *   the same one: it is skipped.
 * - Idempotency keys also count when a profile has no `effects`; the key is read from the record,
 *   or from a `requestHeaders` / `headers` object or HAR header list when the parser keeps one.
 *   "The same name" is the event's name, else its message. Idempotency duplicates count only
 *   within one witness (clock domain): a client and a server logging the same request are two
 *   views of one effect, not two effects.
 * - Events without an aligned time are not compared.
 */
import type { EventIds } from '../event';
import type { EventTable } from '../analysis/event-table';
import type { DivergenceFinding, StateValue } from '../analysis/results';
import type { EffectRule } from '../../schemas/profile';
import { FieldFinder } from '../state/field-finder';
import type { FieldValues } from '../state/found-fields';
import { normalizeStateValue } from '../state/values';
import { FindingContext, evidenceOf } from './context';
import { clock, list, valueText } from './describe';

const ID_FIELDS = new Map<string, keyof EventIds>([
  ...['request_id', 'requestid', 'req_id', 'reqid', 'x-request-id', 'x_request_id'].map((n) => [n, 'requestId'] as const),
  ...['correlation_id', 'correlationid', 'x-correlation-id'].map((n) => [n, 'correlationId'] as const),
  ...['trace_id', 'traceid', 'trace.id', 'x-b3-traceid', 'traceparent'].map((n) => [n, 'traceId'] as const),
  ...['span_id', 'spanid', 'span.id'].map((n) => [n, 'spanId'] as const),
  ...['session_id', 'sessionid', 'client_id', 'clientid'].map((n) => [n, 'sessionId'] as const),
]);

/** Field names of the normalized properties -> their column. */
const PROPERTIES = new Map<string, 'service' | 'level' | 'message' | 'name' | 'status'>([
  ['service', 'service'],
  ['service.name', 'service'],
  ['level', 'level'],
  ['message', 'message'],
  ['msg', 'message'],
  ['name', 'name'],
  ['status', 'status'],
]);

/** A field's value for event `i`: its own fields, then its normalized ids and properties. */
function fieldValue(events: EventTable, i: number, lower: string, found: FieldValues): unknown {
  if (found.has(lower)) return found.get(lower);
  const column = ID_FIELDS.get(lower) ?? PROPERTIES.get(lower);
  return column !== undefined ? (events[column][i] ?? undefined) : undefined;
}

interface Occurrence {
  event: number;
  at: number;
}

function byTime(ctx: FindingContext, events: number[]): Occurrence[] {
  return events.map((event) => ({ event, at: ctx.alignedTs(event) })).sort((a, b) => a.at - b.at || a.event - b.event);
}

/**
 * Walks the keyed events in aligned order and makes a finding of every event whose key an
 * earlier event already had: the repetition is the duplicate, the first occurrence its evidence.
 */
function repeatsOf(ctx: FindingContext, keyOf: ReadonlyMap<number, string>, summary: (event: number, at: number, first: number) => string): DivergenceFinding[] {
  const firsts = new Map<string, number>();
  const findings: DivergenceFinding[] = [];
  for (const { event, at } of byTime(ctx, [...keyOf.keys()])) {
    const key = keyOf.get(event) as string;
    const first = firsts.get(key);
    if (first === undefined) {
      firsts.set(key, event);
      continue;
    }
    findings.push({
      kind: 'duplicate_effect',
      at,
      event,
      entity: null,
      field: null,
      request: ctx.groups.groupOf[event] ?? -1,
      evidence: evidenceOf(event, [first], ctx),
      summary: summary(event, at, first),
    });
  }
  return findings;
}

function findEffect(ctx: FindingContext, rule: EffectRule): DivergenceFinding[] {
  const matchNames = Object.keys(rule.match).map((k) => k.toLowerCase());
  const matchValues = Object.values(rule.match).map((v) => normalizeStateValue(v));
  const same = rule.sameWhen.map((k) => ({ name: k, lower: k.toLowerCase() }));
  const finder = new FieldFinder([...matchNames, ...same.map((s) => s.lower)]);
  const keyOf = new Map<number, { key: string; values: StateValue[] }>();
  const events = ctx.input.events;
  const found = finder.foundFields();
  for (let i = 0; i < events.length; i++) {
    if (events.unparsed[i] === 1 || Number.isNaN(ctx.alignedTs(i))) continue;
    found.clear();
    finder.scan(events.attributes[i]!, found);
    let matches = true;
    for (let m = 0; m < matchNames.length && matches; m++) {
      matches = normalizeStateValue(fieldValue(events, i, matchNames[m] as string, found)) === matchValues[m];
    }
    if (!matches) continue;
    const values: StateValue[] = [];
    for (const s of same) {
      const v = normalizeStateValue(fieldValue(events, i, s.lower, found));
      if (v === undefined || v === null) {
        matches = false;
        break;
      }
      values.push(v);
    }
    if (matches) keyOf.set(i, { key: JSON.stringify(values.map((v) => [typeof v, v])), values });
  }
  const keys = new Map([...keyOf].map(([event, { key }]) => [event, key]));
  return repeatsOf(ctx, keys, (event, at, first) => {
    const values = (keyOf.get(event) as { values: StateValue[] }).values;
    const sameAs = list(same.map((s, i) => `${s.name}=${valueText(values[i])}`));
    return `${rule.name} happened again: ${ctx.witnessOf(event)} at ${clock(at)} repeats ${ctx.witnessOf(first)} at ${clock(ctx.alignedTs(first))} with the same ${sameAs}`;
  });
}

const IDEMPOTENCY = ['idempotency_key', 'idempotencykey', 'idempotency-key'];

function headerKey(headers: unknown): string | null {
  if (Array.isArray(headers)) {
    for (const h of headers) {
      if (typeof h === 'object' && h !== null) {
        const name = (h as Record<string, unknown>).name;
        const value = (h as Record<string, unknown>).value;
        if (typeof name === 'string' && name.toLowerCase() === 'idempotency-key' && typeof value === 'string' && value !== '') return value;
      }
    }
    return null;
  }
  if (typeof headers === 'object' && headers !== null) {
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === 'idempotency-key' && typeof value === 'string' && value !== '') return value;
    }
  }
  return null;
}

function findIdempotencyDuplicates(ctx: FindingContext): DivergenceFinding[] {
  const finder = new FieldFinder([...IDEMPOTENCY, 'requestheaders', 'headers']);
  const keys = new Map<number, { group: string; key: string; name: string }>();
  const events = ctx.input.events;
  const found = finder.foundFields();
  for (let i = 0; i < events.length; i++) {
    if (events.unparsed[i] === 1 || Number.isNaN(ctx.alignedTs(i))) continue;
    found.clear();
    finder.scan(events.attributes[i]!, found);
    let key: string | null = null;
    for (const name of IDEMPOTENCY) {
      const v = found.get(name);
      if ((typeof v === 'string' && v !== '') || typeof v === 'number') {
        key = String(v);
        break;
      }
    }
    key ??= headerKey(found.get('requestheaders')) ?? headerKey(found.get('headers'));
    if (key === null) continue;
    const name = events.name[i] ?? events.message[i] ?? '';
    keys.set(i, { group: JSON.stringify([ctx.alignment.domainOf[i], name, key]), key, name });
  }
  const groups = new Map([...keys].map(([event, { group }]) => [event, group]));
  return repeatsOf(ctx, groups, (event, at, first) => {
    const { key, name } = keys.get(event) as { key: string; name: string };
    return `${name || 'an effect'} happened again with idempotency key ${key}: ${ctx.witnessOf(event)} at ${clock(at)} repeats ${clock(ctx.alignedTs(first))}`;
  });
}

export function findDuplicateEffects(ctx: FindingContext): DivergenceFinding[] {
  const effects = ctx.profile?.effects ?? [];
  if (effects.length === 0) return findIdempotencyDuplicates(ctx);
  return effects.flatMap((rule) => findEffect(ctx, rule));
}
