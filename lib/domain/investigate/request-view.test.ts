import { describe, expect, it } from 'vitest';
import type { AnalysisEvent } from '@/lib/domain/analysis/input';
import { firstDivergenceByRequest } from '@/lib/domain/findings/first-divergence';
import { NO_IDS } from '@/lib/domain/event';
import { requestViewDtoSchema } from '@/lib/schemas/investigation';
import { demo, demoInvestigation, idOfIndex, indexOfRef } from '@/lib/test-support/demo-investigation';
import { ev } from '@/lib/test-support/timeline-fixture';
import { findRequestGroup } from './request-group';
import { requestJoins } from './request-joins';
import { buildRequestView } from './request-view';
import { EventTable } from '@/lib/domain/analysis/event-table';

const subject = demoInvestigation();
const { groups } = subject.analysis;
const story1 = demo.expectations.stories.find((s) => s.story === 1)!.firstDivergence;

function idsOf(e: AnalysisEvent): string[] {
  return [e.ids.requestId, e.ids.correlationId, e.ids.traceId].filter((v): v is string => !!v);
}

describe('the request view of the demo', () => {
  const group = findRequestGroup(groups, story1.requestIds[0]!);
  const view = buildRequestView(subject, group);

  it('finds the group by any of its identifiers, and parses with its schema', () => {
    expect(group).toBeGreaterThanOrEqual(0);
    for (const id of story1.requestIds) expect(findRequestGroup(groups, id)).toBe(group);
    expect(requestViewDtoSchema.parse(view)).toEqual(view);
    expect(view.key).toBe(groups.identifiers[group]![0]);
    expect(findRequestGroup(groups, 'no-such-request')).toBe(-1);
  });

  it('lists its identifiers with their kinds and the events carrying each', () => {
    expect(view.identifiers.map((i) => i.value)).toEqual(groups.identifiers[group]);
    expect(view.identifiers.map((i) => i.value)).toEqual(expect.arrayContaining(story1.requestIds));
    for (const identifier of view.identifiers) {
      const carrying = groups.members[group]!.filter((i) => idsOf(subject.input.events.at(i)).includes(identifier.value));
      expect(identifier.events).toBe(carrying.length);
      expect(identifier.kinds.length).toBeGreaterThan(0);
    }
  });

  it('has joins that connect every identifier to the key, each by an event carrying both', () => {
    const joined = new Set([view.key]);
    expect(view.joins).toHaveLength(view.identifiers.length - 1);
    for (const join of view.joins) {
      expect(joined.has(join.via)).toBe(true);
      expect(joined.has(join.identifier)).toBe(false);
      const index = subject.input.events.toArray().findIndex((_, i) => idOfIndex(i) === join.eventId);
      expect(idsOf(subject.input.events.at(index))).toEqual(expect.arrayContaining([join.via, join.identifier]));
      expect(join.source).toBe(subject.input.sources[subject.input.events.source[index]!]!.name);
      joined.add(join.identifier);
    }
    expect(joined).toEqual(new Set(view.identifiers.map((i) => i.value)));
  });

  it('lists all its events by aligned start, on the lanes they are on', () => {
    expect(new Set(view.events.map((e) => e.id))).toEqual(new Set(groups.members[group]!.map(idOfIndex)));
    expect(view.events).toHaveLength(groups.members[group]!.length);
    // By start, the time each row shows: a log record with a duration (written at its end) sits
    // where its interval begins, not where the analysis's own `ts` order puts it.
    const starts = view.events.map((e) => e.at!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(view.events.some((e) => e.endAt !== null && e.endAt > e.at!)).toBe(true);
    expect(view.lanes).toEqual([...new Set(view.events.map((e) => e.lane))].sort((a, b) => a - b));
    expect(view.lanes.length).toBeGreaterThan(1);
  });

  it('has the findings naming it, and its own first divergence is the story first divergence', () => {
    expect(view.findings.length).toBeGreaterThan(0);
    expect(view.findings.every((f) => subject.analysis.divergences[f.index]!.request === group)).toBe(true);
    const first = view.findings[view.firstDivergence!]!;
    expect(first.eventId).toBe(idOfIndex(indexOfRef(subject, story1.event)));
    expect(first.eventId).toBe(idOfIndex(firstDivergenceByRequest(subject.analysis.divergences, subject.input).get(group)!.event));
  });

  it('has its own first divergence for every request a finding names', () => {
    const byRequest = firstDivergenceByRequest(subject.analysis.divergences, subject.input);
    for (const [g, first] of byRequest) {
      const v = buildRequestView(subject, g);
      expect(v.findings[v.firstDivergence!]!.index).toBe(subject.analysis.divergences.indexOf(first));
    }
  });

  it('finds a trace id written in upper case', () => {
    const traced = groups.identifiers.findIndex((ids) => ids.some((v) => /^[0-9a-f]{32}$/.test(v)));
    const trace = groups.identifiers[traced]!.find((v) => /^[0-9a-f]{32}$/.test(v))!;
    expect(findRequestGroup(groups, trace.toUpperCase())).toBe(traced);
  });
});

describe('requestJoins', () => {
  const withIds = (seq: number, requestId: string | null, traceId: string | null, correlationId: string | null = null) =>
    ev(0, seq, { ts: seq, ids: { ...NO_IDS, requestId, traceId, correlationId } });

  it('joins each identifier by the earliest event linking it to one already joined, even one earlier than that link', () => {
    const events = [
      withIds(0, 'X', 'T'), // X-T: earliest, but neither is joined yet when it is read first
      withIds(1, 'K', 'T'), // joins T to the key
      withIds(2, 'X', 'T'), // a later X-T link: not the one shown
      withIds(3, 'Y', null, 'X'), // Y via X
    ];
    const joins = requestJoins(['K', 'T', 'X', 'Y'], [0, 1, 2, 3], EventTable.of(events));
    expect(joins).toEqual([
      { identifier: 'T', via: 'K', event: 1 },
      { identifier: 'X', via: 'T', event: 0 },
      { identifier: 'Y', via: 'X', event: 3 },
    ]);
  });

  it('has nothing to say for a group of one identifier', () => {
    expect(requestJoins(['K'], [0], EventTable.of([withIds(0, 'K', null)]))).toEqual([]);
  });
});
