/**
 * Profile suggestions from a sample of an incident's events (spec section 5): what a person
 * writing a profile looks for first, each shaped as the edit that applies it.
 *
 * - identifiers: which request-identity slots (spec section 3) the sources fill, with counts;
 *   the field names that feed each slot are listed (ingest normalizes them, so the stored events
 *   no longer say which one a record used);
 * - keys: `*_id` / `*Id` / `*.id` fields with example values, by the entity type they name;
 * - paths: request paths whose id-like segments make a template (`/api/items/:id`);
 * - state: per source and type, scalar fields whose value changes across records of the same
 *   entity id (ids, times, messages, durations and HTTP exchange columns excluded); HAR
 *   responses are read through their JSON body, as the analysis reads them;
 * - entities: per type, a complete entity rule `{ type, keys, paths, state }` (only types with at
 *   least one state field: a rule needs one), ready to append to `profile.entities`.
 *
 * Pure and bounded by the sample: every list is sorted by evidence (counts) and capped.
 */
import type { EventIds, EvidenceEvent } from '../event';
import { pathAndQuery } from '../state/path-template';
import { idValue, isStateCandidate, keyType, stateValue } from './field-roles';
import { pathTemplateOf } from './path-template-of';
import { isObject } from '../parse/json-values';

export type SuggestionEvent = Pick<EvidenceEvent, 'name' | 'ids' | 'attributes' | 'unparsed'>;

export interface SuggestionSource {
  name: string;
  events: readonly SuggestionEvent[];
}

export type IdentifierSlot = Exclude<keyof EventIds, 'parentSpanId'>;
export type StateExample = string | number | boolean;

export interface IdentifierSuggestion {
  kind: 'identifier';
  source: string;
  slot: IdentifierSlot;
  /** The spec's field names that fill this slot. */
  fields: string[];
  /** Sampled events of the source that carry it. */
  count: number;
  examples: string[];
}

export interface KeySuggestion {
  kind: 'key';
  type: string;
  field: string;
  count: number;
  /** Distinct id values seen. */
  distinct: number;
  examples: string[];
  sources: string[];
}

export interface PathSuggestion {
  kind: 'path';
  type: string;
  template: string;
  count: number;
  distinct: number;
  /** Request paths it was made from. */
  examples: string[];
  sources: string[];
}

export interface StateSuggestion {
  kind: 'state';
  type: string;
  source: string;
  field: string;
  /** Records of the type's entities that carry the field. */
  count: number;
  /** Entities whose value of the field changed within the sample. */
  changes: number;
  examples: StateExample[];
}

export interface EntitySuggestion {
  kind: 'entity';
  /** An entity rule of the profile (lib/schemas/profile.ts): append it to `entities`. */
  rule: { type: string; keys: string[]; paths: string[]; state: string[] };
  sources: string[];
}

export interface ProfileSuggestions {
  sampled: { source: string; events: number }[];
  identifiers: IdentifierSuggestion[];
  keys: KeySuggestion[];
  paths: PathSuggestion[];
  state: StateSuggestion[];
  entities: EntitySuggestion[];
}

export const IDENTIFIER_FIELDS: Record<IdentifierSlot, string[]> = {
  requestId: ['request_id', 'requestId', 'req_id', 'reqId', 'x-request-id', 'x_request_id'],
  correlationId: ['correlation_id', 'correlationId'],
  traceId: ['trace_id', 'traceId', 'trace.id', 'traceparent', 'x-b3-traceid', 'span trace ids'],
  spanId: ['span ids of spans', 'span_id'],
  sessionId: ['session_id', 'sessionId', 'client_id', 'clientId'],
};
const SLOTS = Object.keys(IDENTIFIER_FIELDS) as IdentifierSlot[];

const MAX_EXAMPLES = 3;
const MAX_STATE_EXAMPLES = 5;
const MAX_LISTED = 50;
/** How deep a HAR response body is searched for objects carrying their own keys. */
const MAX_BODY_DEPTH = 3;
const PATH_FIELDS = ['http.target', 'url.path', 'http.url', 'url.full', 'path', 'url', 'uri', 'request_uri', 'requestUrl'];

type Fields = Map<string, unknown>;

interface EntityRef {
  type: string;
  id: string;
}

/** One object read from a record: its fields and the entities it is about. */
interface ReadRecord {
  fields: Fields;
  entities: EntityRef[];
}

function addExample<T>(list: T[], value: T, max: number): void {
  if (list.length < max && !list.includes(value)) list.push(value);
}

/** An object's own fields, its `state` object's fields winning (spec section 5). */
function fieldsOf(object: Record<string, unknown>): Fields {
  const fields: Fields = new Map(Object.entries(object));
  const state = object.state;
  if (isObject(state)) for (const [k, v] of Object.entries(state)) fields.set(k, v);
  return fields;
}

function requestPath(event: SuggestionEvent): string | null {
  for (const field of PATH_FIELDS) {
    const value = event.attributes[field];
    if (typeof value === 'string') {
      const location = pathAndQuery(value);
      if (location) return location.path;
    }
  }
  const name = event.name;
  const space = name?.indexOf(' ') ?? -1;
  if (name && space > 0 && /^[A-Z]+$/.test(name.slice(0, space))) return pathAndQuery(name.slice(space + 1))?.path ?? null;
  return null;
}

class Tally<K> {
  readonly counts = new Map<string, { key: K; count: number; ids: Set<string>; examples: string[]; sources: Set<string> }>();

  add(id: string, key: K, value: string, example: string, source: string): void {
    let entry = this.counts.get(id);
    if (!entry) this.counts.set(id, (entry = { key, count: 0, ids: new Set(), examples: [], sources: new Set() }));
    entry.count++;
    if (entry.ids.size < 10_000) entry.ids.add(value);
    addExample(entry.examples, example, MAX_EXAMPLES);
    entry.sources.add(source);
  }

  sorted() {
    return [...this.counts.values()].sort((a, b) => b.count - a.count).slice(0, MAX_LISTED);
  }
}

interface StateTally {
  type: string;
  source: string;
  field: string;
  count: number;
  /** id -> the first value seen (as JSON), or CHANGED once another value was seen. */
  first: Map<string, string>;
  changes: number;
  examples: StateExample[];
}
const CHANGED = '\u0000changed';

class Suggester {
  private readonly identifiers = new Map<string, IdentifierSuggestion>();
  private readonly keys = new Tally<{ type: string; field: string }>();
  private readonly paths = new Tally<{ type: string; template: string }>();
  private readonly state = new Map<string, StateTally>();

  read(source: string, event: SuggestionEvent): void {
    for (const slot of SLOTS) {
      const value = event.ids[slot];
      if (value === null) continue;
      const id = `${source}\u0000${slot}`;
      let entry = this.identifiers.get(id);
      if (!entry) this.identifiers.set(id, (entry = { kind: 'identifier', source, slot, fields: IDENTIFIER_FIELDS[slot], count: 0, examples: [] }));
      entry.count++;
      addExample(entry.examples, value, MAX_EXAMPLES);
    }
    for (const record of this.records(source, event)) this.readState(source, record);
  }

  /** The objects of an event that can carry entities: the record itself, or a HAR entry's response body and the objects in it. */
  private records(source: string, event: SuggestionEvent): ReadRecord[] {
    const path = requestPath(event);
    const template = path !== null ? pathTemplateOf(path) : null;
    const pathEntity = template ? { type: template.type, id: template.id } : null;
    if (template && path !== null) this.paths.add(`${template.type}\u0000${template.template}`, { type: template.type, template: template.template }, template.id, path, source);
    const records: ReadRecord[] = [];
    const body = event.attributes.responseBody;
    if (body !== undefined) {
      // A HAR entry: its attributes describe the exchange; what the client saw is the body.
      this.bodyRecords(source, body, 0, pathEntity, records);
      return records;
    }
    records.push(this.record(source, fieldsOf(event.attributes), pathEntity));
    return records;
  }

  private bodyRecords(source: string, value: unknown, depth: number, pathEntity: EntityRef | null, out: ReadRecord[]): void {
    if (depth > MAX_BODY_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) this.bodyRecords(source, item, depth + 1, null, out);
      return;
    }
    if (!isObject(value)) return;
    out.push(this.record(source, fieldsOf(value), pathEntity));
    for (const nested of Object.values(value)) if (nested !== null && typeof nested === 'object') this.bodyRecords(source, nested, depth + 1, null, out);
  }

  private record(source: string, fields: Fields, pathEntity: EntityRef | null): ReadRecord {
    const entities: EntityRef[] = pathEntity ? [pathEntity] : [];
    for (const [field, value] of fields) {
      const type = keyType(field);
      const id = type !== null ? idValue(value) : null;
      if (type === null || id === null) continue;
      this.keys.add(`${type}\u0000${field}`, { type, field }, id, id, source);
      if (!entities.some((e) => e.type === type && e.id === id)) entities.push({ type, id });
    }
    return { fields, entities };
  }

  private readState(source: string, record: ReadRecord): void {
    if (record.entities.length === 0) return;
    for (const [field, raw] of record.fields) {
      const value = stateValue(raw);
      if (value === null || !isStateCandidate(field)) continue;
      const json = JSON.stringify(value);
      for (const entity of record.entities) {
        const id = `${source}\u0000${entity.type}\u0000${field}`;
        let tally = this.state.get(id);
        if (!tally) this.state.set(id, (tally = { type: entity.type, source, field, count: 0, first: new Map(), changes: 0, examples: [] }));
        tally.count++;
        addExample(tally.examples, value, MAX_STATE_EXAMPLES);
        const first = tally.first.get(entity.id);
        if (first === undefined) tally.first.set(entity.id, json);
        else if (first !== CHANGED && first !== json) {
          tally.first.set(entity.id, CHANGED);
          tally.changes++;
        }
      }
    }
  }

  result(sampled: ProfileSuggestions['sampled']): ProfileSuggestions {
    const keys: KeySuggestion[] = this.keys.sorted().map((e) => ({ kind: 'key', ...e.key, count: e.count, distinct: e.ids.size, examples: e.examples, sources: [...e.sources] }));
    const paths: PathSuggestion[] = this.paths.sorted().map((e) => ({ kind: 'path', ...e.key, count: e.count, distinct: e.ids.size, examples: e.examples, sources: [...e.sources] }));
    const state: StateSuggestion[] = [...this.state.values()]
      .filter((t) => t.changes > 0)
      .sort((a, b) => b.changes - a.changes || b.count - a.count)
      .slice(0, MAX_LISTED * 2)
      .map((t) => ({ kind: 'state', type: t.type, source: t.source, field: t.field, count: t.count, changes: t.changes, examples: t.examples }));
    return {
      sampled,
      identifiers: [...this.identifiers.values()],
      keys,
      paths,
      state,
      entities: entitySuggestions(keys, paths, state),
    };
  }
}

function entitySuggestions(keys: KeySuggestion[], paths: PathSuggestion[], state: StateSuggestion[]): EntitySuggestion[] {
  const byType = new Map<string, { keys: string[]; paths: string[]; state: Map<string, number>; sources: Set<string>; weight: number }>();
  const entry = (type: string) => {
    let e = byType.get(type);
    if (!e) byType.set(type, (e = { keys: [], paths: [], state: new Map(), sources: new Set(), weight: 0 }));
    return e;
  };
  for (const k of keys) entry(k.type).keys.push(k.field);
  for (const p of paths) entry(p.type).paths.push(p.template);
  for (const s of state) {
    const e = entry(s.type);
    e.state.set(s.field, (e.state.get(s.field) ?? 0) + s.changes);
    e.sources.add(s.source);
    e.weight += s.changes;
  }
  return [...byType.entries()]
    .filter(([, e]) => e.state.size > 0 && (e.keys.length > 0 || e.paths.length > 0))
    .sort((a, b) => b[1].weight - a[1].weight)
    .map(([type, e]) => ({
      kind: 'entity',
      rule: { type, keys: e.keys, paths: e.paths, state: [...e.state.entries()].sort((a, b) => b[1] - a[1]).map(([field]) => field) },
      sources: [...e.sources],
    }));
}

export function suggestProfile(sources: readonly SuggestionSource[]): ProfileSuggestions {
  const suggester = new Suggester();
  for (const source of sources) {
    for (const event of source.events) if (!event.unparsed) suggester.read(source.name, event);
  }
  return suggester.result(sources.map((s) => ({ source: s.name, events: s.events.length })));
}
