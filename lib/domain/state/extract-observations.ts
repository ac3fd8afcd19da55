/**
 * Entity state observations (spec section 5): which entity fields each event states, with the
 * value it states, the witness (clock domain) that said it and when (aligned time).
 *
 * Rules:
 * - Default (always, with or without a profile; the profile "maps more"): an event's `entity`
 *   field (`"item:123"`) names its entity and each scalar member of its `state` object
 *   (`{"qty": 3}`, or flat `state.qty` keys as span tags are written) is an observation.
 * - Profile entity rules: the id comes from a `keys` field, else from a URL `paths` template,
 *   else from a `keys` name in the URL query. The entity is `type:id`. Each `state` field found
 *   is an observation; `scope` fields (and the `per` field of the type's invariants) are kept
 *   with it.
 * - Where fields are read:
 *   - logs, CSV rows, text `key=value` fields, spans (tags / OTLP attributes, flattened) and OTLP
 *     log records: the event's attributes (the record's own fields), and its `state` object,
 *     which wins over a top-level field of the same name. Field names match case-insensitively;
 *     `a.b` reaches into nested objects.
 *   - HAR entries: the JSON response body (what the client saw), never the request body (an
 *     intention). See `harRecords` for bodies that are lists or wrap the entity.
 *   - access logs: no state; their columns (status, bytes...) describe the HTTP exchange.
 *   Normalized properties (level, service, message, ids) are not in attributes, so they are
 *   never state; `status` and `name` sources stay in attributes only when the record itself had
 *   such a field (record.ts), and then they are state like any field.
 * - Ids: text as written (trimmed; numbers printed), not numerically normalized: `"007"` and
 *   `7` are different ids, while `7` and `"7"` are the same.
 * - Time: an observation is dated when the record's work ended: the aligned end of its interval
 *   (a HAR response arrives at the end of the entry, a span's result is known at its end; a log
 *   with a duration already has ts = end). Events without a time, and unparsed events, state
 *   nothing.
 * - One event states each (entity, field) once: the first rule that reads it wins.
 * - Output sorted by aligned time; ties keep the input order (source order, then record order).
 */
import type { Alignment, Observation, StateValue } from '../analysis/results';
import type { AnalysisInput } from '../analysis/input';
import type { AnalysisProfile } from '../../schemas/profile';
import { FieldFinder } from './field-finder';
import type { FieldValues, FoundFields } from './found-fields';
import {
  compilePathTemplate,
  matchesCollection,
  matchPathTemplate,
  pathAndQuery,
  queryParams,
  splitPath,
  type PathTemplate,
} from './path-template';
import { idText, normalizeStateValue } from './values';
import { isObject } from '../parse/json-values';

function byTime(a: Observation, b: Observation): number {
  return a.at - b.at;
}

/** Attributes that may hold the request path or URL, in order of preference. */
const PATH_FIELDS = ['http.target', 'url.path', 'http.url', 'url.full', 'path', 'url', 'uri', 'request_uri', 'requesturl'];

const EMPTY_SCOPE: Record<string, StateValue> = Object.freeze({}) as Record<string, StateValue>;

/** How deep a HAR body is searched for entities. */
const MAX_BODY_DEPTH = 4;

interface NamedField {
  /** As written in the profile: the observation's field name. */
  name: string;
  lower: string;
}

interface CompiledRule {
  type: string;
  keys: string[];
  templates: PathTemplate[];
  state: NamedField[];
  scope: NamedField[];
}

function named(names: Iterable<string>): NamedField[] {
  const seen = new Set<string>();
  const out: NamedField[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    out.push({ name, lower });
  }
  return out;
}

function compileRules(profile: AnalysisProfile | null): CompiledRule[] {
  if (!profile) return [];
  return profile.entities.map((rule) => {
    const per = profile.invariants.flatMap((inv) => (inv.kind === 'unique' && inv.entity === rule.type && inv.per ? [inv.per] : []));
    return {
      type: rule.type,
      keys: rule.keys.map((k) => k.toLowerCase()),
      templates: rule.paths.map((p) => compilePathTemplate(p, rule.keys)).filter((t): t is PathTemplate => t !== null),
      state: named(rule.state),
      scope: named([...rule.scope, ...per]),
    };
  });
}

/** One place in an event that states an entity: a HAR body element, or the record itself. */
interface BodyRecord {
  id: string;
  fields: Map<string, unknown>;
}

class Extractor {
  private readonly rules: CompiledRule[];
  private readonly finder: FieldFinder;
  private readonly out: Observation[] = [];
  /** Index in `out` of the current event's first observation: one event states each (entity, field) once. */
  private eventStart = 0;
  /** Reused per event (cleared): field values found in the record and in its `state` object. */
  private readonly found: FoundFields;
  private readonly inState: FoundFields;
  /** Entity strings per type and raw id: the observations of one entity share one string. */
  private readonly entities = new Map<string, Map<unknown, string>>();
  private event = -1;
  private domain = -1;
  private at = 0;

  constructor(profile: AnalysisProfile | null) {
    this.rules = compileRules(profile);
    const names = new Set<string>(['entity', 'state', ...PATH_FIELDS]);
    for (const rule of this.rules) {
      for (const k of rule.keys) names.add(k);
      for (const f of rule.state) names.add(f.lower);
      for (const f of rule.scope) names.add(f.lower);
      for (const t of rule.templates) names.add(t.idParam.toLowerCase());
    }
    this.finder = new FieldFinder(names);
    this.found = this.finder.foundFields();
    this.inState = this.finder.foundFields();
  }

  run(input: AnalysisInput, alignment: Alignment): Observation[] {
    const { events, sources } = input;
    const hasRules = this.rules.length > 0;
    const { ts, start, end } = events;
    for (let e = 0; e < events.length; e++) {
      if (events.unparsed[e] === 1) continue;
      const aligned = alignment.alignedTs[e] as number;
      if (Number.isNaN(aligned) || Number.isNaN(ts[e]!)) continue;
      const format = sources[events.source[e]!]?.format ?? null;
      if (format === 'access-log') continue;
      const isHar = format === 'har';
      const attributes = events.attributes[e]!;
      // Quick reject: nothing to read.
      if (!hasRules && !isHar && !('entity' in attributes) && !hasCaseInsensitive(attributes, 'entity')) continue;
      this.event = e;
      this.domain = alignment.domainOf[e] as number;
      this.at = Number.isNaN(start[e]!) ? aligned : aligned + (end[e]! - ts[e]!);
      this.eventStart = this.out.length;
      if (isHar) this.harEvent(attributes);
      else this.recordEvent(attributes, events.name[e]!);
    }
    // Stable: ties keep event order, which is source order then record order.
    this.out.sort(byTime);
    return this.out;
  }

  private emit(entity: string, field: string, value: StateValue, scope: Record<string, StateValue>): void {
    const out = this.out;
    for (let i = this.eventStart; i < out.length; i++) {
      const o = out[i] as Observation;
      if (o.entity === entity && o.field === field) return;
    }
    out.push({ event: this.event, entity, field, value, domain: this.domain, at: this.at, scope });
  }

  /**
   * `type:id` (the id itself for the default rule's type ''), one string per entity; null when
   * `raw` is no id (idText). Looked up by the raw value first, so a repeated id costs no new text.
   */
  private entityOf(type: string, raw: unknown): string | null {
    let byId = this.entities.get(type);
    if (!byId) {
      byId = new Map();
      this.entities.set(type, byId);
    }
    let entity = byId.get(raw);
    if (entity === undefined) {
      const id = idText(raw);
      if (id === null) return null;
      entity = byId.get(id) ?? (type === '' ? id : `${type}:${id}`);
      if (byId.size < 2_000_000) {
        byId.set(raw, entity);
        byId.set(id, entity);
      }
    }
    return entity;
  }

  /** The default rule over one object: `entity` + `state` (object, or flat `state.*` keys). */
  private defaultRule(record: Record<string, unknown>, found: FieldValues): void {
    const entity = this.entityOf('', found.get('entity'));
    if (entity === null) return;
    const state = found.get('state');
    if (isObject(state)) {
      for (const field of Object.keys(state)) {
        const value = normalizeStateValue(state[field]);
        if (value !== undefined) this.emit(entity, field, value, EMPTY_SCOPE);
      }
    }
    for (const key of Object.keys(record)) {
      if (key.length > 6 && key.slice(0, 6).toLowerCase() === 'state.') {
        const value = normalizeStateValue(record[key]);
        if (value !== undefined) this.emit(entity, key.slice(6), value, EMPTY_SCOPE);
      }
    }
  }

  private recordEvent(attributes: Record<string, unknown>, name: string | null): void {
    const found = this.found;
    const inState = this.inState;
    found.clear();
    inState.clear();
    this.finder.scan(attributes, found);
    if (found.has('entity')) this.defaultRule(attributes, found);
    if (this.rules.length === 0) return;
    const stateObject = found.get('state');
    if (isObject(stateObject)) this.finder.scan(stateObject, inState);

    let segments: string[] | null = null;
    let query: Map<string, string> | null = null;
    for (const rule of this.rules) {
      let entity: string | null = null;
      for (const key of rule.keys) {
        entity = this.entityOf(rule.type, lookup(inState, found, key));
        if (entity !== null) break;
      }
      let params: Map<string, string> | null = null;
      if (entity === null && (rule.templates.length > 0 || rule.keys.length > 0)) {
        if (segments === null) {
          const location = requestLocation(found, name);
          segments = location ? splitPath(location.path) : [];
          query = queryParams(location?.query ?? null);
        }
        let id: string | null = null;
        for (const template of rule.templates) {
          const match = matchPathTemplate(template, segments);
          if (match) {
            id = match.id;
            params = match.params;
            break;
          }
        }
        if (id === null && query) {
          for (const key of rule.keys) {
            id = idText(query.get(key));
            if (id !== null) break;
          }
        }
        if (id !== null) entity = this.entityOf(rule.type, id);
      }
      if (entity === null) continue;
      let scope: Record<string, StateValue> | null = null;
      for (const field of rule.state) {
        const value = normalizeStateValue(lookup(inState, found, field.lower));
        if (value === undefined) continue;
        scope ??= readScope(rule, inState, found, params, query);
        this.emit(entity, field.name, value, scope);
      }
    }
  }

  private harEvent(attributes: Record<string, unknown>): void {
    const body = attributes.responseBody;
    if (typeof body !== 'object' || body === null) return;
    // Default rule on the body: an object, or each object of a list.
    for (const item of Array.isArray(body) ? body : [body]) {
      if (!isObject(item)) continue;
      const found = new Map<string, unknown>();
      this.finder.scan(item, found);
      if (found.has('entity')) this.defaultRule(item, found);
    }
    if (this.rules.length === 0) return;
    const path = typeof attributes.path === 'string' ? attributes.path : null;
    const segments = path !== null ? splitPath(path) : [];
    const query = queryParams(typeof attributes.query === 'string' ? attributes.query : null);
    const top = new Map<string, unknown>();
    if (isObject(body)) this.finder.scan(body, top);
    for (const rule of this.rules) {
      for (const record of this.harRecords(rule, body, segments, query)) {
        const fields = record.fields;
        const entity = this.entityOf(rule.type, record.id);
        if (entity === null) continue;
        let scope: Record<string, StateValue> | null = null;
        for (const field of rule.state) {
          const value = normalizeStateValue(fields.get(field.lower));
          if (value === undefined) continue;
          scope ??= readScope(rule, fields, top, record.params, query);
          this.emit(entity, field.name, value, scope);
        }
      }
    }
  }

  /**
   * The entities a HAR response body states, for one rule:
   * 1. every object in the body (at any depth up to 4, not inside an object already taken) that
   *    names its id in a key field: a list of items, `{"items": [...]}`, `{"order": {...}}`;
   *    on the template's collection path (`/api/items` for `/api/items/:id`) a field named like
   *    the id parameter (`id`) names it too;
   * 2. else, when the URL path gives the id: the body itself if it has any of the rule's state
   *    fields at its top level, else the one object it wraps (`{"item": {...}}`,
   *    `{"data": {"item": {...}}}`) when exactly one nested object has them.
   * A body that is text, or a list whose elements name no id, states nothing.
   */
  private harRecords(
    rule: CompiledRule,
    body: object,
    segments: string[],
    query: Map<string, string>,
  ): (BodyRecord & { params: Map<string, string> | null })[] {
    let params: Map<string, string> | null = null;
    let pathId: string | null = null;
    const idNames = [...rule.keys];
    for (const template of rule.templates) {
      const match = matchPathTemplate(template, segments);
      if (match) {
        pathId = match.id;
        params = match.params;
        break;
      }
      if (matchesCollection(template, segments)) idNames.push(template.idParam.toLowerCase());
    }
    if (pathId === null) {
      for (const key of rule.keys) {
        pathId = idText(query.get(key));
        if (pathId !== null) break;
      }
    }
    const records: (BodyRecord & { params: Map<string, string> | null })[] = [];
    if (idNames.length > 0) {
      const visit = (value: unknown, depth: number): void => {
        if (Array.isArray(value)) {
          for (const item of value) if (typeof item === 'object' && item !== null) visit(item, depth + 1);
          return;
        }
        if (!isObject(value)) return;
        const fields = new Map<string, unknown>();
        this.finder.scan(value, fields);
        let id: string | null = null;
        for (const name of idNames) {
          id = idText(fields.get(name));
          if (id !== null) break;
        }
        if (id !== null) {
          records.push({ id, fields: withStateObject(this.finder, fields), params: id === pathId ? params : null });
          return;
        }
        if (depth >= MAX_BODY_DEPTH) return;
        for (const key in value) {
          const child = value[key];
          if (typeof child === 'object' && child !== null) visit(child, depth + 1);
        }
      };
      visit(body, 0);
    }
    if (records.length > 0 || pathId === null || !isObject(body)) return records;
    let holder: Record<string, unknown> = body;
    for (let depth = 0; depth < MAX_BODY_DEPTH; depth++) {
      const fields = new Map<string, unknown>();
      this.finder.scan(holder, fields);
      if (rule.state.some((f) => fields.has(f.lower))) {
        records.push({ id: pathId, fields: withStateObject(this.finder, fields), params });
        break;
      }
      const children = Object.values(holder).filter(isObject);
      if (children.length !== 1) break;
      holder = children[0] as Record<string, unknown>;
    }
    return records;
  }
}

/** A body object's fields, its `state` object's fields winning. */
function withStateObject(finder: FieldFinder, fields: Map<string, unknown>): Map<string, unknown> {
  const state = fields.get('state');
  if (!isObject(state)) return fields;
  const merged = new Map<string, unknown>();
  finder.scan(state, merged);
  for (const [k, v] of fields) if (!merged.has(k)) merged.set(k, v);
  return merged;
}

function hasCaseInsensitive(record: Record<string, unknown>, lower: string): boolean {
  for (const key in record) if (key.length === lower.length && key.toLowerCase() === lower) return true;
  return false;
}

/** The request path and query an event names: a path field, else its `METHOD /path` name. */
function requestLocation(found: FieldValues, name: string | null): { path: string; query: string | null } | null {
  for (const field of PATH_FIELDS) {
    const value = found.get(field);
    if (typeof value === 'string') {
      const location = pathAndQuery(value);
      if (location) return location;
    }
  }
  if (name !== null) {
    const space = name.indexOf(' ');
    if (space > 0 && /^[A-Z]+$/.test(name.slice(0, space))) return pathAndQuery(name.slice(space + 1));
  }
  return null;
}

/** A field of a record: its `state` object's value first, then the record's own. */
function lookup(first: FieldValues, second: FieldValues, lower: string): unknown {
  const value = first.get(lower);
  return value !== undefined || first.has(lower) ? value : second.get(lower);
}

function readScope(
  rule: CompiledRule,
  first: FieldValues,
  second: FieldValues,
  params: Map<string, string> | null,
  query: Map<string, string> | null,
): Record<string, StateValue> {
  if (rule.scope.length === 0) return EMPTY_SCOPE;
  let scope: Record<string, StateValue> | null = null;
  for (const field of rule.scope) {
    let value = normalizeStateValue(lookup(first, second, field.lower));
    if (value === undefined && params) {
      for (const [name, text] of params) if (name.toLowerCase() === field.lower) value = normalizeStateValue(text);
    }
    if (value === undefined && query) value = normalizeStateValue(query.get(field.lower));
    if (value === undefined) continue;
    scope ??= {};
    scope[field.name] = value;
  }
  return scope ?? EMPTY_SCOPE;
}

/**
 * Every state observation of the incident, sorted by aligned time (ties: source order, then
 * record order). `profile` null reads only the default `entity` / `state` fields.
 */
export function extractObservations(input: AnalysisInput, alignment: Alignment, profile: AnalysisProfile | null): Observation[] {
  return new Extractor(profile).run(input, alignment);
}
