/**
 * Why the app believes a request group's events belong together (spec section 3): the group's
 * key, then each identifier that joined it, with the identifier it was seen with and the event
 * that carried both. Read top to bottom it is the union-find replayed:
 *
 *   request req-42 (the key)
 *   trace 4bf92f35… joined via request req-42 on event #123 in gateway.log (line 49)
 */
import type { EventBriefDto, RequestViewDto } from '@/lib/schemas/investigation';
import { locatorText } from '../analysis/finding-format';

type IdentifierKind = RequestViewDto['identifiers'][number]['kinds'][number];

export interface ChainIdentifier {
  value: string;
  /** The value, shortened when long (trace ids): the whole value belongs in a title. */
  short: string;
  kinds: readonly IdentifierKind[];
  /** `trace 4bf92f35…`, `request/trace abc`: what a sentence calls it. */
  label: string;
  /** Events that carry it. */
  events: number;
}

export interface JoinStep {
  identifier: ChainIdentifier;
  /** The identifier already in the group it was seen with; null for the key (and for an identifier no join explains). */
  via: ChainIdentifier | null;
  eventId: number | null;
  source: string | null;
  /** Where the joining event sits in its source (`line 49`), when the group lists it. */
  where: string | null;
}

/** Longer than this and an identifier is shortened: a 32-digit trace id drowns a sentence. */
const SHORT_MAX = 12;

export function shortIdentifier(value: string): string {
  return value.length > SHORT_MAX ? `${value.slice(0, 8)}…` : value;
}

/** `request`, `request/trace`; `identifier` when the kinds are unknown. */
export function kindWord(kinds: readonly string[]): string {
  return kinds.length > 0 ? kinds.join('/') : 'identifier';
}

type ChainInput = Pick<RequestViewDto, 'key' | 'identifiers' | 'joins'> & { events: readonly Pick<EventBriefDto, 'id' | 'source' | 'locator'>[] };

/** The key first, then the joins in the order the server gives (aligned order of the joining events). */
export function buildJoinChain(view: ChainInput): JoinStep[] {
  const byValue = new Map<string, ChainIdentifier>();
  for (const id of view.identifiers) {
    const short = shortIdentifier(id.value);
    byValue.set(id.value, { value: id.value, short, kinds: id.kinds, label: `${kindWord(id.kinds)} ${short}`, events: id.events });
  }
  const known = (value: string): ChainIdentifier => {
    const found = byValue.get(value);
    if (found) return found;
    // A join naming an identifier the list lacks: still readable, just without kinds.
    const short = shortIdentifier(value);
    return { value, short, kinds: [], label: `${kindWord([])} ${short}`, events: 0 };
  };
  const events = new Map(view.events.map((e) => [e.id, e]));

  const rootValue = byValue.has(view.key) ? view.key : (view.identifiers[0]?.value ?? view.key);
  const steps: JoinStep[] = [{ identifier: known(rootValue), via: null, eventId: null, source: null, where: null }];
  const placed = new Set([rootValue]);
  for (const join of view.joins) {
    if (placed.has(join.identifier)) continue;
    placed.add(join.identifier);
    const event = events.get(join.eventId);
    steps.push({
      identifier: known(join.identifier),
      via: known(join.via),
      eventId: join.eventId,
      source: join.source,
      where: event ? locatorText({ source: event.source, ...event.locator }) : null,
    });
  }
  for (const id of view.identifiers) {
    if (placed.has(id.value)) continue;
    placed.add(id.value);
    steps.push({ identifier: known(id.value), via: null, eventId: null, source: null, where: null });
  }
  return steps;
}

/** One step as a sentence (also the accessible text of the rendered chain). */
export function joinStepText(step: JoinStep, index: number): string {
  if (step.via === null) {
    return index === 0 ? `${step.identifier.label} (the key)` : `${step.identifier.label} (no join recorded)`;
  }
  const where = step.where ? ` (${step.where})` : '';
  return `${step.identifier.label} joined via ${step.via.label} on event #${step.eventId} in ${step.source}${where}`;
}
