import { describe, expect, it } from 'vitest';
import { generateDemo } from '../demo';
import type { EvidenceEvent } from '../event';
import { NO_IDS } from '../event';
import { parseText } from '../parse';
import { looksLikeId, pathTemplateOf, singular } from './path-template-of';
import { suggestProfile, type SuggestionEvent } from './suggest-profile';

function event(attributes: Record<string, unknown>, extra: Partial<EvidenceEvent> = {}): SuggestionEvent {
  return { name: null, ids: { ...NO_IDS }, attributes, unparsed: false, ...extra };
}

describe('path templates from request paths', () => {
  it('turns id-like segments into parameters and names the type after the collection', () => {
    expect(pathTemplateOf('/api/items/I-2041')).toEqual({ template: '/api/items/:id', type: 'item', id: 'I-2041' });
    expect(pathTemplateOf('/api/orders/123')?.template).toBe('/api/orders/:id');
    expect(pathTemplateOf('/api/orgs/org_5yjgjwqx/roles/rol_9')).toEqual({ template: '/api/orgs/:org_id/roles/:id', type: 'role', id: 'rol_9' });
    expect(pathTemplateOf('/v2/users/0b6a8f1e-3c1d-4e55-9a43-2b1f9d7c6e10/')?.template).toBe('/v2/users/:id');
    expect(pathTemplateOf('/api/carts/c-95719/lines')).toEqual({ template: '/api/carts/:id/lines', type: 'cart', id: 'c-95719' });
  });

  it('leaves paths without ids alone', () => {
    expect(pathTemplateOf('/api/me')).toBeNull();
    expect(pathTemplateOf('/v1/health')).toBeNull();
    expect(pathTemplateOf('/123')).toBeNull();
    expect(looksLikeId('roles')).toBe(false);
    expect(looksLikeId('ord_123')).toBe(true);
    expect(singular('categories')).toBe('category');
    expect(singular('stock')).toBe('stock');
  });
});

describe('suggestProfile on hand-made events', () => {
  const events = [
    event({ msg: 'item read', item_id: 'I-1', sold: 3, duration_ms: 4 }, { ids: { ...NO_IDS, requestId: 'r1' } }),
    event({ msg: 'item read', item_id: 'I-1', sold: 4, duration_ms: 9 }, { ids: { ...NO_IDS, requestId: 'r2' } }),
    event({ msg: 'item read', item_id: 'I-2', sold: 8, warehouse: 'w1' }),
    event({ msg: 'item read', item_id: 'I-2', sold: 8, warehouse: 'w1' }),
    event({ path: '/api/orders/O-7', responseBody: { status: 'pending', total: 10 } }, { name: 'GET /api/orders/O-7' }),
    event({ path: '/api/orders/O-7', responseBody: { status: 'paid', total: 10 } }, { name: 'GET /api/orders/O-7' }),
  ];
  const suggestions = suggestProfile([{ name: 'app.log', events }]);

  it('lists identifier slots with counts and the fields that feed them', () => {
    expect(suggestions.identifiers).toEqual([
      { kind: 'identifier', source: 'app.log', slot: 'requestId', fields: expect.arrayContaining(['request_id', 'x-request-id']) as string[], count: 2, examples: ['r1', 'r2'] },
    ]);
  });

  it('finds keys and path templates with examples', () => {
    expect(suggestions.keys).toEqual([{ kind: 'key', type: 'item', field: 'item_id', count: 4, distinct: 2, examples: ['I-1', 'I-2'], sources: ['app.log'] }]);
    expect(suggestions.paths).toMatchObject([{ kind: 'path', type: 'order', template: '/api/orders/:id', count: 2, distinct: 1, examples: ['/api/orders/O-7'] }]);
  });

  it('suggests state fields that change for one entity, not constants, durations or messages', () => {
    const fields = suggestions.state.map((s) => `${s.type}.${s.field}`);
    expect(fields.sort()).toEqual(['item.sold', 'order.status']);
    expect(suggestions.state.find((s) => s.field === 'sold')).toMatchObject({ source: 'app.log', count: 4, changes: 1, examples: [3, 4, 8] });
  });

  it('shapes entities as profile rules', () => {
    expect(suggestions.entities.map((e) => e.rule)).toEqual([
      { type: 'item', keys: ['item_id'], paths: [], state: ['sold'] },
      { type: 'order', keys: [], paths: ['/api/orders/:id'], state: ['status'] },
    ]);
  });
});

describe('suggestProfile on the demo incident', () => {
  const demo = generateDemo({ seed: 3 });
  const sources = demo.files.map((file) => ({ name: file.name, events: parseText(file.text, file.name).events }));
  const suggestions = suggestProfile(sources);

  it('finds the keys, templates and state fields the demo profile names', () => {
    const keyFields = suggestions.keys.map((k) => k.field);
    expect(keyFields).toEqual(expect.arrayContaining(['item_id', 'order_id', 'cart_id', 'role_id']));
    const templates = suggestions.paths.map((p) => p.template);
    expect(templates).toEqual(expect.arrayContaining(['/api/items/:id', '/api/orders/:id']));
    const rules = new Map(suggestions.entities.map((e) => [e.rule.type, e.rule]));
    expect(rules.get('item')?.state).toContain('sold');
    expect(rules.get('item')?.keys).toContain('item_id');
    expect(rules.get('cart')?.state).toContain('item_count');
    expect(rules.get('order')?.state).toContain('status');
    expect(suggestions.identifiers.some((i) => i.source === 'order-service.jsonl' && i.slot === 'traceId')).toBe(true);
  });
});
