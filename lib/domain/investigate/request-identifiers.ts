/**
 * A request group's identifiers as the request view lists them: each value (in the group's
 * first-seen order) with the fields it was seen in (request, correlation, trace id; one value
 * may be several, spec section 3) and how many of the group's events carry it.
 */
import type { EventIds } from '../event';
import type { EventTable } from '../analysis/event-table';
import type { RequestViewDto } from '../../schemas/investigation';

export type IdentifierKind = 'request' | 'correlation' | 'trace';

/** An event's request identifiers with their kind, in field order; empty values are none. */
export function identifiersOf(ids: Pick<EventIds, 'requestId' | 'correlationId' | 'traceId'>): Array<{ value: string; kind: IdentifierKind }> {
  const out: Array<{ value: string; kind: IdentifierKind }> = [];
  const { requestId, correlationId, traceId } = ids;
  if (requestId) out.push({ value: requestId, kind: 'request' });
  if (correlationId) out.push({ value: correlationId, kind: 'correlation' });
  if (traceId) out.push({ value: traceId, kind: 'trace' });
  return out;
}

const KIND_ORDER: readonly IdentifierKind[] = ['request', 'correlation', 'trace'];

export function requestIdentifiers(identifiers: readonly string[], members: readonly number[], events: EventTable): RequestViewDto['identifiers'] {
  const kinds = new Map<string, Set<IdentifierKind>>(identifiers.map((v) => [v, new Set()]));
  const counts = new Map<string, number>(identifiers.map((v) => [v, 0]));
  for (const index of members) {
    const seen = new Set<string>();
    for (const { value, kind } of identifiersOf(events.idsAt(index))) {
      kinds.get(value)?.add(kind);
      // An event whose request id is its trace id carries that identifier once.
      if (!seen.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
      seen.add(value);
    }
  }
  return identifiers.map((value) => ({
    value,
    kinds: KIND_ORDER.filter((k) => kinds.get(value)?.has(k)),
    events: counts.get(value) ?? 0,
  }));
}
