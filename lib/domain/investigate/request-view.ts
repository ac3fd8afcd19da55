/**
 * `GET /requests/{key}`: one request group (spec section 3) as the request view shows it: its
 * identifiers and how they were joined, its events by aligned start (the request timeline), the
 * lanes they are on, the findings and signals that concern it (those naming the group as their
 * request, as lib/domain/findings/first-divergence.ts counts them) and its own first divergence
 * (spec section 6, last paragraph).
 */
import type { RequestViewDto } from '../../schemas/investigation';
import { eventBrief } from './event-brief';
import { divergenceDtosWhere, firstIndexOf, signalDtosWhere } from './finding-dtos';
import { eventIdOf, laneOfEvent, requestKey, type Investigated } from './investigated';
import { requestIdentifiers } from './request-identifiers';
import { requestJoins } from './request-joins';

/**
 * The events as a waterfall lists them: by aligned start, so the time a row shows is the time
 * that orders it. The group's own order is by `ts`, which for a log record with a duration is
 * when it was written (its end): a 3 s call logged at its end would otherwise sit 3 s late in a
 * list that shows its start. Untimed events go last; the sort is stable, so ties keep the
 * group's order.
 */
function startOrder(events: RequestViewDto['events']): RequestViewDto['events'] {
  return events.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || 0);
}

/** The view of group `group` (an index from findRequestGroup). */
export function buildRequestView(subject: Investigated, group: number): RequestViewDto {
  const { groups } = subject.analysis;
  const identifiers = groups.identifiers[group] ?? [];
  const members = groups.members[group] ?? [];
  const { events, sources } = subject.input;
  const lanes = new Set<number>();
  for (const index of members) lanes.add(laneOfEvent(subject, index));
  const findings = divergenceDtosWhere(subject, (f) => f.request === group);
  return {
    key: requestKey(subject, group) ?? '',
    identifiers: requestIdentifiers(identifiers, members, events),
    joins: requestJoins(identifiers, members, events).map((j) => ({
      identifier: j.identifier,
      via: j.via,
      eventId: eventIdOf(subject, j.event),
      source: sources[events.source[j.event]!]?.name ?? '',
    })),
    events: startOrder(members.map((index) => eventBrief(subject, index))),
    lanes: [...lanes].sort((a, b) => a - b),
    findings,
    signals: signalDtosWhere(subject, (s) => s.request === group),
    firstDivergence: firstIndexOf(findings),
  };
}
