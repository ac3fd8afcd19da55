import { describe, expect, it } from 'vitest';
import { analyzeEvidence } from '@/lib/domain/analysis/analyze';
import type { AnalysisInput } from '@/lib/domain/analysis/input';
import { firstDivergenceByEntity } from '@/lib/domain/findings/first-divergence';
import { buildLanes } from '@/lib/domain/timeline/lanes';
import { entityViewDtoSchema, type EntityFieldDto } from '@/lib/schemas/investigation';
import { profileSchema } from '@/lib/schemas/profile';
import { demo, demoInvestigation, idOfIndex, indexOfRef } from '@/lib/test-support/demo-investigation';
import { ev } from '@/lib/test-support/timeline-fixture';
import type { Investigated } from './investigated';
import { buildEntityView } from './entity-view';
import { EventTable } from '../analysis/event-table';

const subject = demoInvestigation();
const conflictStories = demo.expectations.stories.filter((s) => s.firstDivergence.kind === 'conflict');

/** Every cell holds what its witness said last, at or before the row. */
function expectCarriedForward(field: EntityFieldDto): void {
  field.rows.forEach((row, r) => {
    row.cells.forEach((cell, w) => {
      const last = field.rows.slice(0, r + 1).findLast((x) => x.witness === w);
      expect({ held: cell.held, value: cell.value, observed: cell.observed }).toEqual({ held: last !== undefined, value: last?.value ?? null, observed: row.witness === w });
    });
  });
}

describe('the entity view of the demo', () => {
  it('covers the conflict stories', () => {
    expect(conflictStories.map((s) => s.story)).toEqual([2, 4, 5]);
  });

  it.each(conflictStories)('story $story: the first divergence row is the trigger, and that row disagrees', ({ firstDivergence: expected }) => {
    const view = buildEntityView(subject, expected.entity!)!;
    expect(entityViewDtoSchema.parse(view)).toEqual(view);
    const field = view.fields.find((f) => f.field === expected.field)!;
    expect(field.firstDivergenceRow).not.toBeNull();
    const row = field.rows[field.firstDivergenceRow!]!;
    expect(row.eventId).toBe(idOfIndex(indexOfRef(subject, expected.event)));
    expect(row.cells.some((c) => c.disagrees)).toBe(true);
    const lane = subject.lanes.lanes[field.witnesses[row.witness]!.lane]!;
    expect(subject.input.sources[lane.source]!.name).toBe(expected.event.source);
    expectCarriedForward(field);

    const first = firstDivergenceByEntity(subject.analysis.divergences, subject.input).get(expected.entity!)!;
    expect(view.findings[view.firstDivergence!]!.index).toBe(subject.analysis.divergences.indexOf(first));
    expect(view.findings.every((f) => f.entity === expected.entity)).toBe(true);
  });

  it('with an owner, marks only non-owners that differ from it (story 2: the reporting service)', () => {
    const expected = conflictStories.find((s) => s.story === 2)!.firstDivergence;
    const view = buildEntityView(subject, expected.entity!)!;
    expect(view.owner).toBe('inventory');
    const field = view.fields.find((f) => f.field === expected.field)!;
    const owners = field.witnesses.flatMap((w, i) => (w.owner ? [i] : []));
    expect(owners).toHaveLength(1);
    expect(field.witnesses[owners[0]!]!.label).toBe('inventory.jsonl');
    for (const row of field.rows) {
      for (const o of owners) expect(row.cells[o]!.disagrees).toBe(false);
      row.cells.forEach((cell, w) => {
        if (owners.includes(w)) return;
        const ownerCell = row.cells[owners[0]!]!;
        if (cell.disagrees) expect(ownerCell.held && cell.held && cell.value !== ownerCell.value).toBe(true);
      });
    }
    const row = field.rows[field.firstDivergenceRow!]!;
    expect(row.cells[row.witness]).toMatchObject({ observed: true, disagrees: true });
  });

  it('is null for an entity nothing observed or named', () => {
    expect(buildEntityView(subject, 'item:no-such-item')).toBeNull();
  });
});

describe('the witness table of a lifecycle field (stages)', () => {
  const profile = profileSchema.parse({ entities: [{ type: 'order', keys: ['order_id'], state: ['status'], stages: { status: ['pending', 'paid', 'fulfilled'] } }] });
  // Two witnesses of order:1, seconds apart (above the 1 s tolerance).
  const says = (source: number, seq: number, t: number, status: string) => ev(source, seq, { ts: 1_000_000 + t * 2000, attributes: { order_id: '1', status } });

  function table(events: ReturnType<typeof says>[]): { field: EntityFieldDto; subject: Investigated } {
    const input: AnalysisInput = { sources: [{ name: 'orders.log', format: null }, { name: 'payments.log', format: null }], events: EventTable.of([...events].sort((a, b) => a.source - b.source || a.seq - b.seq)) };
    const analysis = analyzeEvidence(input, { profile, alignment: false });
    const s: Investigated = { input, analysis, eventIds: Float64Array.from({ length: input.events.length }, (_, i) => i), sourceIds: ['a', 'b'], profile, lanes: buildLanes(input.sources, analysis.alignment) };
    return { field: buildEntityView(s, 'order:1')!.fields[0]!, subject: s };
  }
  const disagreeing = (field: EntityFieldDto) => field.rows.map((r) => r.cells.map((c) => c.disagrees));

  it('a witness behind is not disagreeing until it says its earlier stage again; then it is dated from the later stage', () => {
    // Time order: orders pending, payments pending, payments paid, orders pending again, orders paid.
    const { field, subject: s } = table([says(0, 0, 0, 'pending'), says(1, 0, 1, 'pending'), says(1, 1, 2, 'paid'), says(0, 1, 3, 'pending'), says(0, 2, 4, 'paid')]);
    expect(field.rows.map((r) => r.value)).toEqual(['pending', 'pending', 'paid', 'pending', 'paid']);
    expect(disagreeing(field)).toEqual([
      [false, false],
      [false, false],
      [true, true], // payments took up "paid": dated from here once orders says "pending" again
      [true, true],
      [false, false], // orders caught up
    ]);
    // The conflict finding agrees: its event is payments' "paid".
    expect(s.analysis.divergences.map((f) => f.event)).toEqual([field.rows[2]!.eventId]);
    expect(field.firstDivergenceRow).toBe(2);
  });

  it("a witness's first word, or a step forward, is only being behind", () => {
    const { field } = table([says(1, 0, 0, 'pending'), says(1, 1, 1, 'fulfilled'), says(0, 0, 2, 'pending'), says(0, 1, 3, 'paid')]);
    expect(disagreeing(field).flat().some(Boolean)).toBe(false);
    expect(field.firstDivergenceRow).toBeNull();
  });

  it('values outside the stage list compare as unordered values', () => {
    const { field } = table([says(0, 0, 0, 'pending'), says(1, 0, 1, 'cancelled')]);
    expect(disagreeing(field)).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});
