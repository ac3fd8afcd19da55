/**
 * Applying a suggestion to the profile the user is editing: a merge into the JSON document, never
 * a replacement, so the user's own rules, effects and invariants stay as they are.
 *
 * - an entity rule: appended to `entities`, or merged into the rule of the same type (its keys,
 *   paths and state fields added to that rule's, in order, without duplicates);
 * - a key, path template or state field: added to the rule of its type; when there is none, a
 *   new rule is started with it. A new rule from a key or path has no state field yet, which the
 *   live validation then points out (`entities.N.state: name at least one state field`), so the
 *   user sees what is left to decide.
 *
 * Works on the parsed JSON as it is (unknown): fields the merge does not touch are kept verbatim.
 */
import type { ApplicableSuggestion } from '../api/suggestion-schemas';

type Json = Record<string, unknown>;
type ListField = 'keys' | 'paths' | 'state';

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What the suggestion adds: the rule's type and the values per list. */
function additions(s: ApplicableSuggestion): { type: string; add: Partial<Record<ListField, string[]>> } {
  switch (s.kind) {
    case 'entity':
      return { type: s.rule.type, add: { keys: s.rule.keys, paths: s.rule.paths, state: s.rule.state } };
    case 'key':
      return { type: s.type, add: { keys: [s.field] } };
    case 'path':
      return { type: s.type, add: { paths: [s.template] } };
    case 'state':
      return { type: s.type, add: { state: [s.field] } };
  }
}

function entitiesOf(profile: Json): unknown[] {
  return Array.isArray(profile.entities) ? profile.entities : [];
}

function ruleIndex(entities: unknown[], type: string): number {
  return entities.findIndex((e) => isObject(e) && e.type === type);
}

/** True when the profile already holds everything the suggestion would add. */
export function isApplied(profile: Json, s: ApplicableSuggestion): boolean {
  const { type, add } = additions(s);
  const entities = entitiesOf(profile);
  const rule = entities[ruleIndex(entities, type)];
  if (!isObject(rule)) return false;
  return (Object.entries(add) as [ListField, string[]][]).every(([field, values]) => {
    const current = Array.isArray(rule[field]) ? (rule[field] as unknown[]) : [];
    return values.every((v) => current.includes(v));
  });
}

/** The profile with the suggestion merged in (a new object; the input is not modified). */
export function applySuggestion(profile: Json, s: ApplicableSuggestion): Json {
  const { type, add } = additions(s);
  const entities = [...entitiesOf(profile)];
  const index = ruleIndex(entities, type);
  const existing = index >= 0 && isObject(entities[index]) ? (entities[index] as Json) : null;
  const rule: Json = existing ? { ...existing } : { type, keys: [], paths: [], state: [] };
  for (const [field, values] of Object.entries(add) as [ListField, string[]][]) {
    if (values.length === 0 && existing) continue;
    const current = Array.isArray(rule[field]) ? (rule[field] as unknown[]) : [];
    rule[field] = [...current, ...values.filter((v) => !current.includes(v))];
  }
  if (existing) entities[index] = rule;
  else entities.push(rule);
  return { ...profile, entities };
}
