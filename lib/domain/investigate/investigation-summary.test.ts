import { describe, expect, it } from 'vitest';
import { investigationDtoSchema } from '@/lib/schemas/investigation';
import { demo, demoInvestigation, idOfIndex, indexOfRef } from '@/lib/test-support/demo-investigation';
import { columnsExtent } from '../timeline/columnar-events';
import { buildInvestigationSummary } from './investigation-summary';

const extents = (s: ReturnType<typeof demoInvestigation>) => ({
  aligned: columnsExtent(s.columns.aligned),
  raw: columnsExtent(s.columns.raw),
});
const subject = demoInvestigation();
const dto = buildInvestigationSummary(subject, 'fp', extents(subject));

describe('the investigation summary of the demo incident', () => {
  it('parses with its schema', () => {
    expect(investigationDtoSchema.parse(dto)).toEqual(dto);
  });

  it('has one lane per clock domain, in lane order, with their source ids, offsets and every event counted', () => {
    expect(dto.lanes).toHaveLength(subject.analysis.alignment.domains.length);
    expect(dto.lanes.map((l) => l.index)).toEqual(dto.lanes.map((_, i) => i));
    expect(dto.lanes.reduce((sum, l) => sum + l.events, 0)).toBe(subject.input.events.length);
    for (const lane of dto.lanes) {
      const source = subject.input.sources.findIndex((s) => s.name === lane.source);
      expect(lane.sourceId).toBe(`src${source}`);
      const domain = subject.analysis.alignment.domains.find((d) => d.source === source && d.service === lane.service)!;
      expect(lane.offsetMs).toBe(domain.offsetMs);
      expect(lane.events).toBe(subject.input.events.toArray().filter((e) => e.source === source && (e.service ?? lane.source) === lane.service).length);
    }
    // The generator skews clocks: some lane is aligned away from 0.
    expect(dto.lanes.some((l) => l.aligned && Math.abs(l.offsetMs) > 100)).toBe(true);
  });

  it('points firstDivergence at the finding the demo expects, named by event id and lane', () => {
    expect(dto.firstDivergence).not.toBeNull();
    const first = dto.findings[dto.firstDivergence!]!;
    const expected = demo.expectations.firstDivergence;
    const trigger = indexOfRef(subject, expected.event);
    expect(first).toMatchObject({ kind: expected.kind, entity: expected.entity, field: expected.field, divergence: true, eventId: idOfIndex(trigger) });
    expect(first.lane).toBe(subject.lanes.laneOfDomain[subject.analysis.alignment.domainOf[trigger]!]);
    expect(expected.requestIds).toContain(first.request);
  });

  it('lists every finding and signal in the analysis order, with evidence by id', () => {
    expect(dto.findings.map((f) => f.index)).toEqual(subject.analysis.divergences.map((_, i) => i));
    expect(dto.signals).toHaveLength(subject.analysis.signals.length);
    expect(dto.signals.every((s) => !s.divergence && s.entity === null)).toBe(true);
    dto.findings.forEach((f, i) => {
      expect(f.evidenceIds).toEqual(subject.analysis.divergences[i]!.evidence.map(idOfIndex));
    });
  });

  it('lists entities with observations, most divergences first, then by name', () => {
    const observed = new Set(subject.analysis.observations.map((o) => o.entity));
    expect(new Set(dto.entities.map((e) => e.entity))).toEqual(observed);
    for (let i = 1; i < dto.entities.length; i++) {
      const [a, b] = [dto.entities[i - 1]!, dto.entities[i]!];
      expect(a.divergences > b.divergences || (a.divergences === b.divergences && a.entity < b.entity)).toBe(true);
    }
    const firstEntity = dto.entities.find((e) => e.entity === demo.expectations.firstDivergence.entity)!;
    expect(firstEntity.divergences).toBe(dto.findings.filter((f) => f.entity === firstEntity.entity).length);
    expect(firstEntity.fields).toContain(demo.expectations.firstDivergence.field);
  });

  it('gives the extent in both modes and the number of requests', () => {
    const { aligned, raw } = dto.extent;
    expect(aligned![0]).toBe(subject.columns.aligned.start[0]);
    expect(raw![0]).toBe(subject.columns.raw.start[0]);
    expect(aligned![1]).toBeGreaterThan(aligned![0]);
    expect(dto.requests).toBe(subject.analysis.groups.identifiers.length);
    expect(dto.requests).toBeGreaterThan(10);
  });

  it('is empty but valid for an incident without evidence', () => {
    const empty = demoInvestigation([]);
    const none = buildInvestigationSummary(empty, 'fp', extents(empty));
    expect(investigationDtoSchema.parse(none)).toMatchObject({ lanes: [], findings: [], firstDivergence: null, extent: { aligned: null, raw: null }, requests: 0 });
  });
});
