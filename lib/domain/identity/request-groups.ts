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
 * Cost: one StringIndex lookup per identifier, Int32Array parents with union by size and path
 * halving, O(n α(n)).
 */
import type { RequestGroups } from '../analysis/results';
import { IntList } from '../int-list';
import { StringIndex } from '../string-index';

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

/** How many request, correlation and trace id values the events hold: at least their distinct count. */
function idValueCount(events: IdentifiedEvents): number {
  const { requestId, correlationId, traceId } = events;
  let count = 0;
  for (let i = 0; i < events.length; i++) {
    if (requestId[i]) count++;
    if (correlationId[i]) count++;
    if (traceId[i]) count++;
  }
  return count;
}

export function buildRequestGroups(events: IdentifiedEvents): RequestGroups {
  const n = events.length;
  // Union-find nodes are the identifiers, numbered as they are first seen. Sized for the id
  // values present (the most there can be), so that the tables do not grow: growing rehashes and
  // copies them. 1M events with 1.1M distinct ids, alternated in one process: 0.68-0.98 s sized
  // so, 1.09-1.41 s sized for one id per event (0.39 s of it in the one grow that still took).
  // At most two per event: for three ids on every event, mostly repeated, the tables would be
  // 64 MB where 32 do, and one grow costs less than that memory at the analysis's peak.
  const expected = Math.max(1024, Math.min(idValueCount(events), 2 * n));
  const nodes = new StringIndex(expected);
  const { values } = nodes;
  const parentBuf = new IntList(expected);
  const sizeBuf = new IntList(expected);
  // First node of each event, -1 when it has none; the nodes of its request and correlation ids.
  const firstNode = new Int32Array(n).fill(-1);
  const requestIdOf = new Int32Array(n).fill(-1);
  const correlationIdOf = new Int32Array(n).fill(-1);

  const nodeFor = (value: string): number => {
    const node = nodes.add(value);
    if (node === parentBuf.length) {
      parentBuf.push(node);
      sizeBuf.push(1);
    }
    return node;
  };
  const union = (a: number, b: number): number => {
    const parent = parentBuf.data;
    const size = sizeBuf.data;
    let ra = find(parent, a);
    let rb = find(parent, b);
    if (ra === rb) return ra;
    if (size[ra]! < size[rb]!) {
      const t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] = size[ra]! + size[rb]!;
    return ra;
  };

  const { requestId, correlationId, traceId } = events;
  for (let i = 0; i < n; i++) {
    let first = -1;
    const r = requestId[i]!;
    const c = correlationId[i]!;
    const t = traceId[i]!;
    if (r !== null && r !== '') first = requestIdOf[i] = nodeFor(r);
    if (c !== null && c !== '') {
      const node = (correlationIdOf[i] = nodeFor(c));
      if (first < 0) first = node;
      else union(first, node);
    }
    if (t !== null && t !== '') {
      const node = nodeFor(t);
      if (first < 0) first = node;
      else union(first, node);
    }
    firstNode[i] = first;
  }

  // Number the groups in the order of their first node (nodes are created in event order, so
  // this is the order of each group's first event), and list identifiers in first-seen order.
  const parent = parentBuf.data;
  const nodeCount = values.length;
  const groupOfRoot = new Int32Array(nodeCount).fill(-1);
  const groupOfNode = new Int32Array(nodeCount);
  const identifiers: string[][] = [];
  for (let v = 0; v < nodeCount; v++) {
    const root = find(parent, v);
    let g = groupOfRoot[root]!;
    if (g < 0) {
      g = identifiers.length;
      groupOfRoot[root] = g;
      identifiers.push([]);
    }
    groupOfNode[v] = g;
    identifiers[g]!.push(values[v]!);
  }

  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const node = firstNode[i]!;
    groupOf[i] = node < 0 ? -1 : groupOfNode[node]!;
  }

  const groups = identifiers.length;
  return {
    groupOf,
    identifiers,
    start: new Float64Array(groups).fill(Number.NaN),
    members: new Array<number[]>(groups),
    requestIdOf,
    correlationIdOf,
    idValues: nodeCount,
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
