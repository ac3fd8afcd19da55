import { describe, expect, it } from 'vitest';
import { compilePathTemplate, matchesCollection, matchPathTemplate, pathAndQuery, queryParams, splitPath } from './path-template';

describe('path templates', () => {
  const items = compilePathTemplate('/api/items/:id', ['item_id'])!;

  it('match whole paths only, ignoring one trailing slash', () => {
    expect(matchPathTemplate(items, splitPath('/api/items/7'))?.id).toBe('7');
    expect(matchPathTemplate(items, splitPath('/api/items/7/'))?.id).toBe('7');
    expect(matchPathTemplate(items, splitPath('/api/items/7/reviews'))).toBeNull();
    expect(matchPathTemplate(items, splitPath('/api/items'))).toBeNull();
    expect(matchPathTemplate(items, splitPath('/api/orders/7'))).toBeNull();
    expect(matchPathTemplate(items, splitPath('/api/items/a%20b'))?.id).toBe('a b');
  });

  it('take the id from `id`, else a parameter named like a key, else the last; keep the others', () => {
    const roles = compilePathTemplate('/orgs/:org_id/roles/:role_id', ['role_id'])!;
    const m = matchPathTemplate(roles, splitPath('/orgs/o1/roles/r9'));
    expect(m?.id).toBe('r9');
    expect(m?.params.get('org_id')).toBe('o1');
    const last = compilePathTemplate('/orgs/:org/members/:member', [])!;
    expect(matchPathTemplate(last, splitPath('/orgs/o1/members/m2'))?.id).toBe('m2');
    const first = compilePathTemplate('/items/:id/reviews/:review', [])!;
    expect(matchPathTemplate(first, splitPath('/items/5/reviews/2'))?.id).toBe('5');
    expect(compilePathTemplate('/api/items', [])).toBeNull();
  });

  it('know their collection path', () => {
    expect(matchesCollection(items, splitPath('/api/items'))).toBe(true);
    expect(matchesCollection(items, splitPath('/api/orders'))).toBe(false);
    const first = compilePathTemplate('/items/:id/reviews', [])!;
    expect(matchesCollection(first, splitPath('/items'))).toBe(false);
  });

  it('read paths and queries from URLs and request targets', () => {
    expect(pathAndQuery('https://shop.example/api/items/7?x=1#top')).toEqual({ path: '/api/items/7', query: 'x=1' });
    expect(pathAndQuery('/api/items/7')).toEqual({ path: '/api/items/7', query: null });
    expect(pathAndQuery('http://h')).toEqual({ path: '/', query: null });
    expect(pathAndQuery('items/7')).toBeNull();
    expect(queryParams('item_id=7&Name=a+b&item_id=8')).toEqual(new Map([['item_id', '7'], ['name', 'a b']]));
  });
});
