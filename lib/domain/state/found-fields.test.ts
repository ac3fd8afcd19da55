import { describe, expect, it } from 'vitest';
import { FieldFinder } from './field-finder';
import { FoundFields } from './found-fields';

describe('FoundFields', () => {
  it('holds what was set for the current record only', () => {
    const found = new FoundFields(['entity', 'state', 'qty']);
    found.set('entity', 'item:1').set('qty', 0);
    expect(found.has('entity')).toBe(true);
    expect(found.get('entity')).toBe('item:1');
    expect(found.has('qty')).toBe(true);
    expect(found.get('qty')).toBe(0);
    expect(found.has('state')).toBe(false);
    expect(found.get('state')).toBeUndefined();

    found.clear();
    expect(found.has('entity')).toBe(false);
    expect(found.get('entity')).toBeUndefined();
    expect(found.has('qty')).toBe(false);
    found.set('state', null);
    expect(found.has('state')).toBe(true);
    expect(found.get('state')).toBeNull();
  });

  it('ignores names it has no slot for', () => {
    const found = new FoundFields(['qty']);
    found.set('other', 1);
    expect(found.has('other')).toBe(false);
    expect(found.get('other')).toBeUndefined();
  });

  it('answers like a Map when a FieldFinder scans record after record into it', () => {
    const finder = new FieldFinder(['Entity', 'state.qty', 'sku']);
    const records: Record<string, unknown>[] = [
      { ENTITY: 'item:1', state: { qty: 3 }, sku: 'a' },
      { entity: 'item:2', 'state.qty': 4 },
      { sku: 'b' },
      {},
    ];
    const reused = finder.foundFields();
    for (const record of records) {
      const fresh = new Map<string, unknown>();
      finder.scan(record, fresh);
      reused.clear();
      finder.scan(record, reused);
      for (const name of ['entity', 'state.qty', 'sku', 'state']) {
        expect([reused.has(name), reused.get(name)]).toEqual([fresh.has(name), fresh.get(name)]);
      }
    }
  });
});
