import { describe, expect, it } from 'vitest';
import type { FindingDto } from '../../schemas/investigation';
import { buildNarrative, type NarrativeLookups } from './narrative';

const T = Date.UTC(2026, 10, 20, 10, 0, 0);

const lookups: NarrativeLookups = {
  event: (id) => (id === 404 ? null : { at: T + id, line: { where: `app.log line ${id}`, raw: `raw ${id}` } }),
  witnessesAt: (entity, field, at) => [{ witness: 'db', value: `${entity}.${field}@${at - T}`, owner: true }],
};

function finding(eventId: number, at: number, evidenceIds: number[] = []): FindingDto {
  return { index: 0, kind: 'conflict', divergence: true, at, entity: 'item:1', field: 'sold', request: null, eventId, lane: 0, evidenceIds, summary: 's' };
}

describe('buildNarrative', () => {
  it('merges annotations and story findings in aligned time with their evidence', () => {
    const items = buildNarrative(
      [
        { kind: 'repair', target: { type: 'range', from: T + 5000, to: T + 9000 }, body: 'rolled back', author: 'ana' },
        { kind: 'trigger', target: { type: 'event', eventId: 20 }, body: 'the retry', author: 'bo' },
        { kind: 'diagnosis', target: { type: 'state', entity: 'item:1', field: 'sold', at: T + 300 }, body: 'two definitions', author: 'cy' },
      ],
      [finding(100, T + 100, [101])],
      lookups,
    );
    expect(items.map((i) => i.kind)).toEqual(['trigger', 'conflict', 'diagnosis', 'repair']);
    expect(items[0]).toMatchObject({ at: T + 20, subject: 'event #20', evidence: [{ where: 'app.log line 20', raw: 'raw 20' }], author: 'bo' });
    expect(items[1]).toMatchObject({ source: 'finding', subject: 'item:1 · sold', author: null });
    expect(items[1]!.evidence.map((e) => e.raw)).toEqual(['raw 100', 'raw 101']);
    expect(items[1]!.witnesses[0]!.value).toBe('item:1.sold@100');
    expect(items[2]!.witnesses[0]!.value).toBe('item:1.sold@300');
    expect(items[3]).toMatchObject({ at: T + 5000, endAt: T + 9000, subject: '10:00:05.000 to 10:00:09.000' });
  });

  it('keeps an annotation whose event is gone, untimed and last', () => {
    const items = buildNarrative(
      [
        { kind: 'note', target: { type: 'event', eventId: 404 }, body: 'gone', author: 'a' },
        { kind: 'note', target: { type: 'event', eventId: 1 }, body: 'here', author: 'a' },
      ],
      [],
      lookups,
    );
    expect(items.map((i) => i.text)).toEqual(['here', 'gone']);
    expect(items[1]).toMatchObject({ at: null, evidence: [] });
  });
});
