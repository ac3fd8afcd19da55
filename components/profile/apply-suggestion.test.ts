import { describe, expect, it } from 'vitest';
import type { ApplicableSuggestion } from '../api/suggestion-schemas';
import { applySuggestion, isApplied } from './apply-suggestion';

const entity: ApplicableSuggestion = {
  kind: 'entity',
  rule: { type: 'item', keys: ['item_id'], paths: ['/api/items/:id'], state: ['sold', 'stock'] },
  sources: ['inventory.jsonl'],
};
const stateField: ApplicableSuggestion = { kind: 'state', type: 'item', source: 'a', field: 'reserved', count: 3, changes: 1, examples: [1, 2] };
const key: ApplicableSuggestion = { kind: 'key', type: 'order', field: 'order_id', count: 2, distinct: 2, examples: ['o1'], sources: ['b'] };

describe('applySuggestion', () => {
  it('appends an entity rule to a profile without one of its type, keeping the rest', () => {
    const profile = { toleranceMs: 500, entities: [{ type: 'role', keys: ['role_id'], state: ['is_default'] }] };
    const next = applySuggestion(profile, entity);
    expect(next.toleranceMs).toBe(500);
    expect(next.entities).toEqual([profile.entities[0], entity.kind === 'entity' ? entity.rule : null]);
    expect(profile.entities).toHaveLength(1);
  });

  it('merges into the rule of the same type without duplicates and keeps its other fields', () => {
    const profile = { entities: [{ type: 'item', keys: ['itemId'], state: ['sold'], owner: 'inventory' }] };
    expect(applySuggestion(profile, entity).entities).toEqual([
      { type: 'item', keys: ['itemId', 'item_id'], paths: ['/api/items/:id'], state: ['sold', 'stock'], owner: 'inventory' },
    ]);
    expect(applySuggestion(profile, stateField).entities).toEqual([
      { type: 'item', keys: ['itemId'], state: ['sold', 'reserved'], owner: 'inventory' },
    ]);
  });

  it('starts a rule for a key of a new type (its state is left for the user to name)', () => {
    expect(applySuggestion({}, key).entities).toEqual([{ type: 'order', keys: ['order_id'], paths: [], state: [] }]);
  });

  it('knows when a suggestion is already in the profile', () => {
    const profile = applySuggestion({}, entity);
    expect(isApplied(profile, entity)).toBe(true);
    expect(isApplied(profile, stateField)).toBe(false);
    expect(isApplied(applySuggestion(profile, stateField), stateField)).toBe(true);
  });
});
