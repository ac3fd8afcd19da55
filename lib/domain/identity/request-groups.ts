/**
 * Request identity (spec section 3): identifiers that appear together in one event are one
 * request. A log line with request_id=A and trace_id=T joins every event of A with every event
 * of T; the union is transitive (union-find).
 *
 * Model and choices:
 * - An identifier is a VALUE: an event's requestId, correlationId and traceId are three names
 *   for whatever value they hold, and equal values are one identifier whichever field held them.
 *   Services often reuse the trace id as their request id (`X-Request-Id: <trace id>`); an
 *   accidental match between a 32-hex trace id and a request id is not a realistic risk.
 * - Values compare exactly. Trace ids arrive normalized (lower-case hex, 64-bit ids padded to
 *   128) from the parsers; request and correlation ids are opaque strings, compared as written.
 * - spanId / parentSpanId / sessionId are not request identifiers (a span is part of its trace,
 *   which already carries the trace id; a session spans many requests).
 * - Groups are numbered in the order of their first event; `identifiers` lists each group's
 *   values in first-seen order. Events without any identifier get group -1.
 * - `start` and `members` depend on aligned time: orderRequestGroups fills them after alignment.
 *
 * Cost: one hash per identifier, one StringIndex lookup per identifier that may repeat,
 * Int32Array parents with union by size and path halving, O(n α(n)).
 */
import type { RequestGroups } from '../analysis/results';
import { IntList } from '../int-list';
import { RepeatFilter } from '../repeat-filter';
import { hashOf, StringIndex } from '../string-index';

/** The id columns identity reads (an EventTable has them). */
export interface IdentifiedEvents {
  length: number;
  requestId: ReadonlyArray<string | null>;
  correlationId: ReadonlyArray<string | null>;
  traceId: ReadonlyArray<string | null>;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const p = parent[x]!;
    const gp = parent[p]!;
    parent[x] = gp; // path halving
    x = gp;
  }
  return x;
}

/** In an event's id numbers while they are made: it has no such id (null or ''). */
const NO_ID = -2;
/** ...it has one, held nowhere else (or not known to repeat yet). Given out as -1. */
const SINGLE = -1;

export function buildRequestGroups(events: IdentifiedEvents): RequestGroups {
  const n = events.length;
  const { requestId, correlationId, traceId } = events;
  // An id that no other event holds (a trace id per log line) joins nothing: it needs no
  // union-find node, only a place in its event's identifiers. A first pass hashes every id and
  // finds those that may repeat (RepeatFilter: never misses one, lets a few single ones through);
  // only those get nodes, and the single ones are not read again. 1M stored JSON lines hold 1.1M
  // distinct ids, 1M of them trace ids of one line each: numbering them all in the table took
  // 0.68-0.88 s, against 0.38-0.47 s this way (alternated, one process).
  let occurrences = 0;
  for (const column of [requestId, correlationId, traceId]) for (let i = 0; i < n; i++) if (column[i] != null) occurrences++;
  const repeats = new RepeatFilter(occurrences);
  // Per field and event: its id's node, SINGLE or NO_ID; the ids' hashes, field by field.
  const numbers = [new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
  const [requestIdOf, correlationIdOf, traceIdOf] = numbers;
  const hashes = new Int32Array(3 * n);
  [requestId, correlationId, traceId].forEach((column, field) => {
    const number = numbers[field]!;
    for (let i = 0; i < n; i++) {
      const value = column[i];
      if (value == null || value === '') {
        number[i] = NO_ID;
        continue;
      }
      const hash = hashOf(value);
      hashes[field * n + i] = hash;
      repeats.add(hash);
      number[i] = SINGLE;
    }
  });

  // Union-find over the nodes: about one per repeated bit (a bit shared by single ids makes more: the table grows then).
  const expected = Math.max(1024, repeats.repeatedBits);
  const nodes = new StringIndex(expected);
  const { values } = nodes;
  const parentBuf = new IntList(expected);
  const sizeBuf = new IntList(expected);
  const nodeFor = (column: ReadonlyArray<string | null>, number: Int32Array, field: number, i: number): number => {
    if (number[i] !== SINGLE) return NO_ID;
    const hash = hashes[field * n + i]!;
    if (!repeats.mayRepeat(hash)) return SINGLE;
    const node = nodes.addHashed(column[i]!, hash);
    if (node === parentBuf.length) {
      parentBuf.push(node);
      sizeBuf.push(1);
    }
    return (number[i] = node);
  };
  const union = (a: number, b: number): void => {
    const parent = parentBuf.data;
    const size = sizeBuf.data;
    let ra = find(parent, a);
    let rb = find(parent, b);
    if (ra === rb) return;
    if (size[ra]! < size[rb]!) {
      const t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] = size[ra]! + size[rb]!;
  };
  for (let i = 0; i < n; i++) {
    const r = nodeFor(requestId, requestIdOf, 0, i);
    const c = nodeFor(correlationId, correlationIdOf, 1, i);
    const t = nodeFor(traceId, traceIdOf, 2, i);
    if (r >= 0 && c >= 0) union(r, c);
    if (t >= 0 && (r >= 0 || c >= 0)) union(r >= 0 ? r : c, t);
  }

  // Groups numbered in the order of their first event, identifiers listed in first-seen order:
  // one walk over the events in the order the nodes were made (event, then field), so a node
  // seen for the first time is the next one made. An event whose ids are all single is a group of
  // its own. SINGLE and NO_ID become -1 on the way.
  const parent = parentBuf.data;
  const groupOfRoot = new Int32Array(values.length).fill(-1);
  const groupOf = new Int32Array(n);
  const identifiers: string[][] = [];
  let nextNode = 0;
  const listIn = (list: string[], column: ReadonlyArray<string | null>, number: Int32Array, i: number): void => {
    const own = number[i]!;
    if (own < 0) {
      if (own === SINGLE) list.push(column[i]!);
      number[i] = -1;
    } else if (own === nextNode) {
      list.push(values[own]!);
      nextNode++;
    }
  };
  for (let i = 0; i < n; i++) {
    const r = requestIdOf[i]!;
    const c = correlationIdOf[i]!;
    const t = traceIdOf[i]!;
    const node = r >= 0 ? r : c >= 0 ? c : t;
    let g = -1;
    if (node >= 0) {
      const root = find(parent, node);
      g = groupOfRoot[root]!;
      if (g < 0) groupOfRoot[root] = g = identifiers.push([]) - 1;
    } else if (r === SINGLE || c === SINGLE || t === SINGLE) g = identifiers.push([]) - 1;
    groupOf[i] = g;
    if (g < 0) {
      requestIdOf[i] = correlationIdOf[i] = -1;
      continue;
    }
    const list = identifiers[g]!;
    listIn(list, requestId, requestIdOf, i);
    listIn(list, correlationId, correlationIdOf, i);
    listIn(list, traceId, traceIdOf, i);
  }

  const groups = identifiers.length;
  return {
    groupOf,
    identifiers,
    start: new Float64Array(groups).fill(Number.NaN),
    members: new Array<number[]>(groups),
    requestIdOf,
    correlationIdOf,
    idValues: values.length,
  };
}

/**
 * Fills `start` (the earliest aligned time among a group's events; NaN when none has a time) and
 * `members` (event indices in aligned order; ties by source order then record order, which is
 * event index order because AnalysisInput keeps events grouped by source in record order).
 * Events without a time (aligned time NaN) come last in a group, in event order.
 *
 * `events` is accepted for callers whose event order is not the AnalysisInput order: when given,
 * ties compare (source, seq) explicitly. Fills `groups` in place and returns it.
 */
export function orderRequestGroups(
  groups: RequestGroups,
  alignedTs: Float64Array,
  events?: { source: ArrayLike<number>; seq: ArrayLike<number> },
): RequestGroups {
  const count = groups.identifiers.length;
  const { groupOf } = groups;
  const n = groupOf.length;
  // Counting sort of event indices by group: members arrive in index order.
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g >= 0) sizes[g] = sizes[g]! + 1;
  }
  const members = new Array<number[]>(count);
  for (let g = 0; g < count; g++) members[g] = new Array<number>(sizes[g]!);
  const fill = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    members[g]![fill[g]!] = i;
    fill[g] = fill[g]! + 1;
  }

  const tieBreak = events
    ? (a: number, b: number): number => events.source[a]! - events.source[b]! || events.seq[a]! - events.seq[b]! || a - b
    : (a: number, b: number): number => a - b;
  const compare = (a: number, b: number): number => {
    const ta = alignedTs[a]!;
    const tb = alignedTs[b]!;
    const na = Number.isNaN(ta);
    const nb = Number.isNaN(tb);
    if (na || nb) return na && nb ? tieBreak(a, b) : na ? 1 : -1;
    return ta - tb || tieBreak(a, b);
  };

  const start = new Float64Array(count);
  for (let g = 0; g < count; g++) {
    const list = members[g]!;
    let earliest = Number.POSITIVE_INFINITY;
    let sorted = true;
    let prev = -1;
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!;
      const t = alignedTs[i]!;
      if (t < earliest) earliest = t;
      if (sorted && prev >= 0 && compare(prev, i) > 0) sorted = false;
      prev = i;
    }
    if (!sorted) list.sort(compare);
    start[g] = earliest === Number.POSITIVE_INFINITY ? Number.NaN : earliest;
  }
  groups.start = start;
  groups.members = members;
  return groups;
}
