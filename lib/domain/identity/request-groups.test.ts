import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { buildRequestGroups, orderRequestGroups } from './request-groups';

type Ids = { requestId?: string | null; correlationId?: string | null; traceId?: string | null };
type Event = { ids: Required<Ids> };
const ev = (ids: Ids): Event => ({ ids: { requestId: null, correlationId: null, traceId: null, ...ids } });
/** The id columns of `events`, as an EventTable holds them. */
const ids = (events: Event[]) => ({
  length: events.length,
  requestId: events.map((e) => e.ids.requestId),
  correlationId: events.map((e) => e.ids.correlationId),
  traceId: events.map((e) => e.ids.traceId),
});

describe('buildRequestGroups', () => {
  it('joins every event of A with every event of T through one event that names both', () => {
    const g = buildRequestGroups(ids([
      ev({ requestId: 'A' }), // 0
      ev({ traceId: 't1' }), // 1
      ev({ requestId: 'A', traceId: 't1' }), // 2: the bridge
      ev({ requestId: 'B' }), // 3
      ev({ traceId: 't1' }), // 4
    ]));
    expect(Array.from(g.groupOf)).toEqual([0, 0, 0, 1, 0]);
    expect(g.identifiers).toEqual([['A', 't1'], ['B']]);
  });

  it('is transitive across chains of identifiers, and lists identifiers in first-seen order', () => {
    const g = buildRequestGroups(ids([
      ev({ requestId: 'A', correlationId: 'C' }),
      ev({ requestId: 'X' }),
      ev({ correlationId: 'C', traceId: 'T' }),
      ev({ requestId: 'X', traceId: 'T' }),
    ]));
    expect(new Set(g.groupOf)).toEqual(new Set([0]));
    expect(g.identifiers).toEqual([['A', 'C', 'X', 'T']]);
  });

  it('keeps unrelated requests apart and gives events without identifiers -1', () => {
    const g = buildRequestGroups(ids([ev({ requestId: 'A' }), ev({}), ev({ requestId: 'B' }), ev({ requestId: '' })]));
    expect(Array.from(g.groupOf)).toEqual([0, -1, 1, -1]);
    expect(g.identifiers.length).toBe(2);
  });

  it('compares values: a request id equal to a trace id is the same identifier', () => {
    const t = '4bf92f3577b34da6a3ce929d0e0e4736';
    const g = buildRequestGroups(ids([ev({ requestId: t }), ev({ traceId: t }), ev({ correlationId: t })]));
    expect(Array.from(g.groupOf)).toEqual([0, 0, 0]);
    expect(g.identifiers).toEqual([[t]]);
  });

  it('request ids are opaque: case matters (trace ids arrive already lower-cased)', () => {
    const g = buildRequestGroups(ids([ev({ requestId: 'Abc' }), ev({ requestId: 'abc' })]));
    expect(Array.from(g.groupOf)).toEqual([0, 1]);
  });

  it('merges two big groups through one late bridge', () => {
    const events = [];
    for (let i = 0; i < 50; i++) events.push(ev({ requestId: `r${i}`, traceId: i < 25 ? 'T1' : 'T2' }));
    events.push(ev({ traceId: 'T1', correlationId: 'K' }), ev({ traceId: 'T2', correlationId: 'K' }));
    const g = buildRequestGroups(ids(events));
    expect(new Set(g.groupOf).size).toBe(1);
    expect(g.identifiers[0]!.length).toBe(50 + 2 + 1);
  });

  it('numbers each id value held more than once, whichever field held it, for alignment (requestIdOf, correlationIdOf)', () => {
    const g = buildRequestGroups(ids([
      ev({ requestId: 'A', correlationId: 'A' }), // 0: the same value in two fields
      ev({ requestId: '', correlationId: null, traceId: 'T' }), // 1: empty and null are no id
      ev({ requestId: 'T', correlationId: 'B' }), // 2: T was a trace id above; B is held once
      ev({}),
      ev({ requestId: 'C', correlationId: 'D', traceId: 'A' }), // 4: C and D held once
    ]));
    expect(Array.from(g.requestIdOf)).toEqual([0, -1, 1, -1, -1]);
    expect(Array.from(g.correlationIdOf)).toEqual([0, -1, -1, -1, -1]);
    // A and T are numbered; B, C and D, which no other event holds, join nothing and are not.
    expect(g.idValues).toBe(2);
    expect(Array.from(g.groupOf)).toEqual([0, 1, 1, -1, 0]);
    expect(g.identifiers).toEqual([['A', 'C', 'D'], ['T', 'B']]);
  });

  it('groups and lists identifiers as a plain union of every value does, whatever mix of repeated and single ids', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 20; round++) {
      const pool = 1 + Math.floor(random() * 40);
      let unique = 0;
      const pick = (): string | null => {
        const x = random();
        if (x < 0.25) return null;
        if (x < 0.3) return '';
        if (x < 0.65) return `u${unique++}`; // held once
        return `p${Math.floor(random() * pool)}`; // drawn from a small pool: mostly repeated
      };
      const events = Array.from({ length: 1 + Math.floor(random() * 300) }, () => ev({ requestId: pick(), correlationId: pick(), traceId: pick() }));
      const g = buildRequestGroups(ids(events));
      const expected = naiveGroups(events);
      expect(Array.from(g.groupOf)).toEqual(expected.groupOf);
      expect(g.identifiers).toEqual(expected.identifiers);
    }
  });
});

/** Request groups the plain way (spec section 3): a Map of every value, union-find, groups numbered by first event. */
function naiveGroups(events: Event[]): { groupOf: number[]; identifiers: string[][] } {
  const node = new Map<string, number>();
  const parent: number[] = [];
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const valuesOf = (e: Event) => [e.ids.requestId, e.ids.correlationId, e.ids.traceId].filter((v): v is string => !!v);
  for (const e of events) {
    const nodes = valuesOf(e).map((v) => {
      if (!node.has(v)) {
        node.set(v, parent.length);
        parent.push(parent.length);
      }
      return node.get(v)!;
    });
    for (const other of nodes.slice(1)) parent[find(other)] = find(nodes[0]!);
  }
  const groupOfRoot = new Map<number, number>();
  const identifiers: string[][] = [];
  const listed = new Set<string>();
  const groupOf = events.map((e) => {
    const values = valuesOf(e);
    if (values.length === 0) return -1;
    const root = find(node.get(values[0]!)!);
    if (!groupOfRoot.has(root)) groupOfRoot.set(root, identifiers.push([]) - 1);
    const g = groupOfRoot.get(root)!;
    for (const v of values) {
      if (listed.has(v)) continue;
      listed.add(v);
      identifiers[g]!.push(v);
    }
    return g;
  });
  return { groupOf, identifiers };
}

describe('orderRequestGroups', () => {
  it('fills the start (earliest aligned time) and members in aligned order, ties by event order', () => {
    const events = [ev({ requestId: 'A' }), ev({ requestId: 'A' }), ev({ requestId: 'B' }), ev({ requestId: 'A' }), ev({ requestId: 'A' })];
    const g = buildRequestGroups(ids(events));
    const aligned = Float64Array.from([300, 100, 50, 100, Number.NaN]);
    orderRequestGroups(g, aligned);
    expect(Array.from(g.start)).toEqual([100, 50]);
    expect(g.members).toEqual([[1, 3, 0, 4], [2]]);
  });

  it('with events given, ties go by source then seq', () => {
    const g = buildRequestGroups(ids([ev({ requestId: 'A' }), ev({ requestId: 'A' }), ev({ requestId: 'A' })]));
    const aligned = Float64Array.from([10, 10, 5]);
    orderRequestGroups(g, aligned, { source: [1, 0, 2], seq: [0, 3, 0] });
    expect(g.members).toEqual([[2, 1, 0]]);
  });

  it('a group without any time has start NaN', () => {
    const g = buildRequestGroups(ids([ev({ requestId: 'A' })]));
    orderRequestGroups(g, Float64Array.from([Number.NaN]));
    expect(Number.isNaN(g.start[0])).toBe(true);
    expect(g.members).toEqual([[0]]);
  });

  it('groups 1M events into 100k requests (speed is measured by bench:analyze)', () => {
    const n = 1_000_000;
    const events = new Array<Event>(n);
    const rid: string[] = [];
    const tid: string[] = [];
    for (let r = 0; r < 100_000; r++) {
      rid.push(`req-${r}`);
      tid.push(r.toString(16).padStart(32, '0'));
    }
    for (let i = 0; i < n; i++) {
      const r = i % 100_000;
      events[i] = i % 10 === 0 ? ev({ requestId: rid[r], traceId: tid[r] }) : i % 2 ? ev({ requestId: rid[r] }) : ev({ traceId: tid[r] });
    }
    const aligned = new Float64Array(n);
    for (let i = 0; i < n; i++) aligned[i] = (i * 7919) % 1_000_003;
    const g = buildRequestGroups(ids(events));
    orderRequestGroups(g, aligned);
    expect(g.identifiers.length).toBe(100_000);
  });
});
