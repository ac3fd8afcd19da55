import { describe, expect, it } from 'vitest';
import { checkProfileText } from './check-profile';

describe('checkProfileText', () => {
  it('accepts an empty profile and a full one', () => {
    expect(checkProfileText('{}').ok).toBe(true);
    const full = { entities: [{ type: 'item', keys: ['item_id'], state: ['stock'] }], toleranceMs: 500 };
    expect(checkProfileText(JSON.stringify(full))).toEqual({ ok: true, json: full });
  });

  it('names the path of each schema issue', () => {
    const result = checkProfileText('{"entities": [{"type": "item", "keys": ["item_id"], "state": []}]}');
    expect(result).toEqual({ ok: false, kind: 'schema', issues: ['entities.0.state: name at least one state field'] });
  });

  it('reports a JSON syntax error with its line and column', () => {
    const result = checkProfileText('{\n  "toleranceMs": 100,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('syntax');
    expect(result.issues[0]).toMatch(/^JSON syntax, line 3, column 1: /);
  });
});
