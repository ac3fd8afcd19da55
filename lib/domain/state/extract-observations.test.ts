import { describe, expect, it } from 'vitest';
import { profileSchema, type AnalysisProfile } from '../../schemas/profile';
import type { Observation } from '../analysis/results';
import { extractObservations } from './extract-observations';
import { buildIncident, eventOf, T0, type IncidentSpec } from '@/lib/test-support/incident-fixture';

function observe(spec: IncidentSpec, profile: unknown = null) {
  const incident = buildIncident(spec);
  const parsed: AnalysisProfile | null = profile === null ? null : profileSchema.parse(profile);
  return { incident, obs: extractObservations(incident.input, incident.alignment, parsed) };
}

const brief = (o: Observation) => [o.entity, o.field, o.value];

const itemProfile = {
  entities: [
    { type: 'item', keys: ['item_id', 'itemId'], paths: ['/api/items/:id'], state: ['stock', 'sold', 'status'], owner: 'inventory-db' },
    { type: 'role', keys: ['role_id'], scope: ['org_id'], state: ['is_default'] },
  ],
  invariants: [{ name: 'one default per org', kind: 'unique', entity: 'role', field: 'is_default', equals: true, per: 'org_id' }],
};

describe('extractObservations without a profile', () => {
  it('reads `entity` and the `state` object, normalizing values', () => {
    const { obs, incident } = observe({
      sources: [{ name: 'a.jsonl' }],
      events: [
        { source: 'a.jsonl', t: 0, attributes: { entity: 'item:1', state: { qty: '3', ok: 'true', note: 'x', nested: { a: 1 } } } },
        { source: 'a.jsonl', t: 5, attributes: { entity: 'item:2', qty: 9 } },
        { source: 'a.jsonl', t: 6, attributes: { state: { qty: 1 } } },
      ],
    });
    expect(obs.map(brief)).toEqual([
      ['item:1', 'qty', 3],
      ['item:1', 'ok', true],
      ['item:1', 'note', 'x'],
    ]);
    expect(obs[0]).toMatchObject({ event: eventOf(incident, 'a.jsonl', 0), domain: 0, at: T0, scope: {} });
  });

  it('reads flat `state.*` span tags', () => {
    const { obs } = observe({
      sources: [{ name: 't.json', format: 'otlp' }],
      events: [{ source: 't.json', t: 0, spanId: 'aa', attributes: { entity: 'item:1', 'state.qty': 4 } }],
    });
    expect(obs.map(brief)).toEqual([['item:1', 'qty', 4]]);
  });

  it('sorts by aligned time; ties by source order then record order; skips events without time', () => {
    const { obs, incident } = observe({
      sources: [{ name: 'a.log' }, { name: 'b.log' }],
      offsets: { 'b.log': 1000 },
      events: [
        { source: 'b.log', t: 1000, attributes: { entity: 'e:1', state: { v: 'b0' } } }, // aligned 0
        { source: 'a.log', t: 0, attributes: { entity: 'e:1', state: { v: 'a0' } } },
        { source: 'a.log', t: -5, attributes: { entity: 'e:1', state: { v: 'a1' } } },
        { source: 'a.log', t: 0, attributes: { entity: 'e:1', state: { v: 'a2' } } },
        { source: 'a.log', t: null, attributes: { entity: 'e:1', state: { v: 'none' } } },
      ],
    });
    expect(obs.map((o) => o.value)).toEqual(['a1', 'a0', 'a2', 'b0']);
    expect(obs[3]?.domain).toBe(incident.alignment.domainOf[eventOf(incident, 'b.log', 0)]);
    expect(obs[3]?.at).toBe(T0);
  });
});

describe('extractObservations with a profile', () => {
  it('finds ids in keys (any case, or in the state object) and state in fields and the state object', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'inv.jsonl' }],
        events: [
          { source: 'inv.jsonl', t: 0, attributes: { ITEM_ID: 7, stock: '5', sold: 2, other: 1 } },
          { source: 'inv.jsonl', t: 1, attributes: { state: { itemId: 'x9', stock: 4 }, stock: 99 } },
          { source: 'inv.jsonl', t: 2, attributes: { stock: 3 } },
        ],
      },
      itemProfile,
    );
    expect(obs.map(brief)).toEqual([
      ['item:7', 'stock', 5],
      ['item:7', 'sold', 2],
      ['item:x9', 'stock', 4],
    ]);
  });

  it('records scope fields (and invariant `per` fields) with the entity', () => {
    const profile = {
      entities: [{ type: 'role', keys: ['role_id'], state: ['is_default'] }],
      invariants: [{ name: 'u', kind: 'unique', entity: 'role', field: 'is_default', equals: true, per: 'org_id' }],
    };
    const { obs } = observe(
      { sources: [{ name: 'db.log' }], events: [{ source: 'db.log', t: 0, attributes: { role_id: 'r1', org_id: 'o1', is_default: 'true' } }] },
      profile,
    );
    expect(obs).toEqual([expect.objectContaining({ entity: 'role:r1', field: 'is_default', value: true, scope: { org_id: 'o1' } })]);
  });

  it('reads a `status` the record itself has, never a normalized one', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'a.jsonl' }],
        events: [
          { source: 'a.jsonl', t: 0, status: '200', attributes: { item_id: 1 } },
          { source: 'a.jsonl', t: 1, status: 'sold-out', attributes: { item_id: 1, status: 'sold-out' } },
        ],
      },
      itemProfile,
    );
    expect(obs.map(brief)).toEqual([['item:1', 'status', 'sold-out']]);
  });

  it('matches span paths (http.target, http.url) and reads span attributes', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'traces.json', format: 'otlp' }],
        events: [
          { source: 'traces.json', t: 0, spanId: 'a1', duration: 40, attributes: { 'http.target': '/api/items/3?x=1', stock: 8 } },
          { source: 'traces.json', t: 10, spanId: 'a2', attributes: { 'http.url': 'https://h/api/items/4', stock: 1 } },
          { source: 'traces.json', t: 20, spanId: 'a3', attributes: { 'http.url': 'https://h/api/items/4/reviews', stock: 1 } },
        ],
      },
      itemProfile,
    );
    expect(obs.map(brief)).toEqual([
      ['item:4', 'stock', 1],
      ['item:3', 'stock', 8],
    ]);
    // A span's observation is dated at its end.
    expect(obs[1]?.at).toBe(T0 + 40);
  });

  it('reads no state from access logs', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'access.log', format: 'access-log' }],
        events: [{ source: 'access.log', t: 0, name: 'GET /api/items/3', attributes: { method: 'GET', path: '/api/items/3', status: 200 } }],
      },
      itemProfile,
    );
    expect(obs).toEqual([]);
  });

  it('reads a URL path id from a log record `path` field or its METHOD /path name', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'app.log', format: 'logfmt' }],
        events: [
          { source: 'app.log', t: 0, attributes: { path: '/api/items/5', stock: 2 } },
          { source: 'app.log', t: 1, name: 'PUT /api/items/6', attributes: { stock: 3 } },
          { source: 'app.log', t: 2, attributes: { url: '/api/items?item_id=8', stock: 4 } },
        ],
      },
      itemProfile,
    );
    expect(obs.map(brief)).toEqual([
      ['item:5', 'stock', 2],
      ['item:6', 'stock', 3],
      ['item:8', 'stock', 4],
    ]);
  });
});

describe('extractObservations from HAR response bodies', () => {
  const har = (t: number, path: string, body: unknown, extra: Record<string, unknown> = {}) => ({
    source: 'admin.har',
    t,
    duration: 100,
    name: `GET ${path.split('?')[0]}`,
    attributes: { method: 'GET', path: path.split('?')[0], query: path.split('?')[1], responseBody: body, ...extra },
  });

  it('reads the body at the path id, dated at the response, never the request body', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'admin.har', format: 'har' }],
        events: [har(0, '/api/items/7', { id: 7, stock: '3', sold: 10 }, { requestBody: '{"stock": 99}' })],
      },
      itemProfile,
    );
    expect(obs.map(brief)).toEqual([
      ['item:7', 'stock', 3],
      ['item:7', 'sold', 10],
    ]);
    expect(obs[0]?.at).toBe(T0 + 100);
  });

  it('reads one wrapped object, and lists of entities each naming its id', () => {
    const { obs } = observe(
      {
        sources: [{ name: 'admin.har', format: 'har' }],
        events: [
          har(0, '/api/items/7', { data: { item: { stock: 3 } }, meta: 'x' }),
          har(1000, '/api/items/7', { a: { stock: 1 }, b: { stock: 2 } }), // ambiguous: nothing
          har(2000, '/api/inventory', [{ item_id: 1, stock: 5 }, { item_id: 2, stock: 6 }, { stock: 9 }]),
          har(3000, '/api/inventory', { items: [{ itemId: 3, stock: 7 }], total: 1 }),
          har(4000, '/api/items', [{ id: 4, stock: 8 }]), // the template's collection: `id` names the item
          har(5000, '/api/other', [{ id: 5, stock: 8 }]), // elsewhere `id` is not a key
          har(6000, '/api/items/9', 'stock: 3'), // text body
          har(7000, '/api/lookup?item_id=11', { stock: 12 }),
        ],
      },
      itemProfile,
    );
    expect(obs.map(brief)).toEqual([
      ['item:7', 'stock', 3],
      ['item:1', 'stock', 5],
      ['item:2', 'stock', 6],
      ['item:3', 'stock', 7],
      ['item:4', 'stock', 8],
      ['item:11', 'stock', 12],
    ]);
  });

  it('reads the default entity/state from a body too', () => {
    const { obs } = observe({
      sources: [{ name: 'admin.har', format: 'har' }],
      events: [har(0, '/x', { entity: 'item:1', state: { qty: 2 } })],
    });
    expect(obs.map(brief)).toEqual([['item:1', 'qty', 2]]);
  });
});
