/**
 * How the app knows a request group's identifiers belong together (spec section 3: identifiers
 * that appear together in one event are one request). Starting from the group's key (its first
 * identifier), the identifiers are joined one event at a time: the next join is always the
 * earliest event, in aligned order, that carries an identifier already joined together with one
 * that is not; each identifier it brings in is joined "via" its first joined identifier (request,
 * correlation, trace id order). So every identifier of the group gets exactly one join, the joins
 * form a tree rooted at the key, and each link is shown by its earliest evidence.
 *
 * Only events carrying two or more identifiers can join. Picking the earliest linking event is
 * a heap of those events (Prim's algorithm): O(L log L) for L linking events, whatever the
 * number of identifiers.
 */
import type { EventTable } from '../analysis/event-table';
import { identifiersOf } from './request-identifiers';

export interface RequestJoin {
  identifier: string;
  via: string;
  /** Event index. */
  event: number;
}

/** A min-heap of small integers (positions in the aligned order). */
class PositionHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= value) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = value;
  }

  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1]! < a[l]! ? l + 1 : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

export function requestJoins(identifiers: readonly string[], members: readonly number[], events: EventTable): RequestJoin[] {
  if (identifiers.length < 2) return [];
  // Linking events in aligned order, and for each identifier the positions of those carrying it.
  const linking: Array<{ event: number; values: string[] }> = [];
  const carriedBy = new Map<string, number[]>();
  for (const index of members) {
    const values = [...new Set(identifiersOf(events.idsAt(index)).map((i) => i.value))];
    if (values.length < 2) continue;
    for (const v of values) {
      let list = carriedBy.get(v);
      if (!list) carriedBy.set(v, (list = []));
      list.push(linking.length);
    }
    linking.push({ event: index, values });
  }
  const joined = new Set<string>();
  const queued = new Uint8Array(linking.length);
  const heap = new PositionHeap();
  const join = (value: string): void => {
    joined.add(value);
    for (const position of carriedBy.get(value) ?? []) {
      if (queued[position]) continue;
      queued[position] = 1;
      heap.push(position);
    }
  };
  join(identifiers[0]!);
  const joins: RequestJoin[] = [];
  while (heap.size > 0 && joined.size < identifiers.length) {
    const { event, values } = linking[heap.pop()]!;
    const via = values.find((v) => joined.has(v))!;
    for (const value of values) {
      if (joined.has(value)) continue;
      join(value);
      joins.push({ identifier: value, via, event });
    }
  }
  return joins;
}
