import { describe, expect, it } from 'vitest';
import type { FindingDto, InvestigationDto } from '@/lib/schemas/investigation';
import { findingTime, FINDING_WINDOW_MS, listFindings, stepFinding, windowAround } from './finding-navigation';

function finding(index: number, at: number, kind: FindingDto['kind'], lane = 0): FindingDto {
  const divergence = ['conflict', 'stale_write', 'invariant', 'duplicate_effect'].includes(kind);
  return { index, kind, divergence, at, entity: null, field: null, request: null, eventId: 100 + index, lane, evidenceIds: [], summary: kind };
}

function investigation(findings: FindingDto[], signals: FindingDto[] = []): InvestigationDto {
  return {
    fingerprint: 'f',
    extent: { aligned: [0, 100_000], raw: [4_000, 104_000] },
    lanes: [
      { index: 0, sourceId: 's', source: 'a.log', service: 'a', offsetMs: 0, aligned: true, overridden: false, constraints: 0, events: 1 },
      { index: 1, sourceId: 't', source: 'b.log', service: 'b', offsetMs: 4_000, aligned: true, overridden: false, constraints: 3, events: 1 },
    ],
    findings,
    signals,
    firstDivergence: findings.length > 0 ? 0 : null,
    entities: [],
    requests: 0,
  };
}

describe('listFindings', () => {
  const inv = investigation([finding(0, 10, 'conflict'), finding(1, 30, 'stale_write')], [finding(0, 20, 'retry')]);

  it('merges signals in time order when asked, and filters by kind', () => {
    expect(listFindings(inv, [], false).map((f) => f.kind)).toEqual(['conflict', 'stale_write']);
    expect(listFindings(inv, [], true).map((f) => f.kind)).toEqual(['conflict', 'retry', 'stale_write']);
    expect(listFindings(inv, ['retry', 'stale_write'], true).map((f) => f.kind)).toEqual(['retry', 'stale_write']);
  });
});

describe('stepFinding', () => {
  const list = [finding(0, 10, 'conflict'), finding(1, 20, 'conflict'), finding(2, 30, 'invariant')];

  it('steps from the finding whose trigger is selected', () => {
    expect(stepFinding(list, 101, null, 1)?.index).toBe(2);
    expect(stepFinding(list, 101, null, -1)?.index).toBe(0);
    expect(stepFinding(list, 102, null, 1)).toBeNull();
    expect(stepFinding(list, 100, null, -1)).toBeNull();
  });

  it('starts from a time when no finding is selected', () => {
    expect(stepFinding(list, null, 15, 1)?.index).toBe(1);
    expect(stepFinding(list, null, 15, -1)?.index).toBe(0);
    expect(stepFinding(list, 999, 30, 1)).toBeNull();
    expect(stepFinding(list, null, null, 1)?.index).toBe(0);
    expect(stepFinding(list, null, null, -1)?.index).toBe(2);
  });
});

describe('findingTime and windowAround', () => {
  const inv = investigation([finding(0, 50_000, 'conflict', 1)]);

  it('shifts a finding by its lane offset in raw mode', () => {
    expect(findingTime(inv.findings[0]!, inv, 'aligned')).toBe(50_000);
    expect(findingTime(inv.findings[0]!, inv, 'raw')).toBe(54_000);
  });

  it('centres the window and keeps it inside the extent', () => {
    expect(windowAround(50_000, inv, 'aligned')).toEqual({ startMs: 50_000 - FINDING_WINDOW_MS / 2, endMs: 50_000 + FINDING_WINDOW_MS / 2 });
    expect(windowAround(1_000, inv, 'aligned')).toEqual({ startMs: 0, endMs: FINDING_WINDOW_MS });
    expect(windowAround(1_000, { ...inv, extent: { aligned: null, raw: null } }, 'aligned')).toBeNull();
  });
});
