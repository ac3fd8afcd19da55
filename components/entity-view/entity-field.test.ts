import { describe, expect, it } from 'vitest';
import type { FindingDto } from '@/lib/schemas/investigation';
import { chooseField } from './entity-field';

const field = (name: string) => ({ field: name, witnesses: [], rows: [], firstDivergenceRow: null });
const conflictOn = (name: string): FindingDto => ({
  index: 0, kind: 'conflict', divergence: true, at: 0, entity: 'order:1', field: name, request: null, eventId: 1, lane: 0, evidenceIds: [], summary: '',
});

describe('chooseField', () => {
  const view = { fields: [field('qty'), field('status')], findings: [conflictOn('status')], firstDivergence: 0 };

  it('takes the field in the URL when the entity has it', () => {
    expect(chooseField(view, 'qty')?.field).toBe('qty');
  });

  it("defaults to the first divergence's field", () => {
    expect(chooseField(view, null)?.field).toBe('status');
    expect(chooseField(view, 'no-such-field')?.field).toBe('status');
  });

  it('falls back to the first field, and to null without fields', () => {
    expect(chooseField({ ...view, firstDivergence: null }, null)?.field).toBe('qty');
    expect(chooseField({ fields: [], findings: [], firstDivergence: null }, 'qty')).toBeNull();
  });
});
