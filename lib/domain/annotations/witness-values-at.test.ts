import { describe, expect, it } from 'vitest';
import type { EntityFieldDto } from '../../schemas/investigation';
import { rowAtOrBefore, witnessValuesAt } from './witness-values-at';

const cell = (value: string | null, held: boolean, observed = false, disagrees = false) => ({ value, held, observed, disagrees });

const field: EntityFieldDto = {
  field: 'status',
  witnesses: [
    { lane: 0, label: 'db', owner: true },
    { lane: 1, label: 'cache', owner: false },
  ],
  rows: [
    { at: 10, eventId: 1, witness: 0, value: 'paid', request: null, cells: [cell('paid', true, true), cell(null, false)] },
    { at: 20, eventId: 2, witness: 1, value: 'pending', request: null, cells: [cell('paid', true), cell('pending', true, true, true)] },
  ],
  firstDivergenceRow: 1,
};

describe('witnessValuesAt', () => {
  it('finds the last row at or before a moment', () => {
    expect(rowAtOrBefore(field.rows, 5)).toBe(-1);
    expect(rowAtOrBefore(field.rows, 10)).toBe(0);
    expect(rowAtOrBefore(field.rows, 19.5)).toBe(0);
    expect(rowAtOrBefore(field.rows, 99)).toBe(1);
  });

  it('gives each witness its held value then, and nothing before its first observation', () => {
    expect(witnessValuesAt(field, 15)).toEqual({
      eventId: 1,
      values: [
        { label: 'db', owner: true, value: 'paid', held: true, disagrees: false },
        { label: 'cache', owner: false, value: null, held: false, disagrees: false },
      ],
    });
    expect(witnessValuesAt(field, 20).values[1]).toEqual({ label: 'cache', owner: false, value: 'pending', held: true, disagrees: true });
    expect(witnessValuesAt(field, 0)).toEqual({ eventId: null, values: [expect.objectContaining({ held: false }), expect.objectContaining({ held: false })] });
  });
});
