/**
 * `GET /investigation`: what the investigation opens with (InvestigationDto): the lanes with
 * their offsets and event counts, the extent of the evidence in both time modes, every finding
 * and signal, the first divergence, the entities and how many requests there are. The timeline
 * then asks for slices of the extent (timeline-slice.ts).
 */
import type { TimeMode } from '../timeline/columnar-events';
import type { TimeWindow } from '../timeline/view-window';
import type { InvestigationDto, LaneDto } from '../../schemas/investigation';
import { entitySummaries } from './entity-summaries';
import { divergenceDtos, signalDtos } from './finding-dtos';
import type { Investigated } from './investigated';

export function laneDtos(subject: Investigated): LaneDto[] {
  const { alignment } = subject.analysis;
  const { lanes, laneOfDomain } = subject.lanes;
  const counts = new Array<number>(lanes.length).fill(0);
  for (let i = 0; i < alignment.domainOf.length; i++) {
    const lane = laneOfDomain[alignment.domainOf[i]!] ?? -1;
    if (lane >= 0) counts[lane]!++;
  }
  return lanes.map((lane, index) => {
    const domain = alignment.domains[lane.domain]!;
    return {
      index,
      sourceId: subject.sourceIds[lane.source] ?? '',
      source: subject.input.sources[lane.source]?.name ?? '',
      service: lane.service,
      offsetMs: domain.offsetMs,
      aligned: domain.aligned,
      overridden: domain.overridden,
      constraints: domain.constraints,
      events: counts[index]!,
    };
  });
}

function extentOf(extent: TimeWindow | null): [number, number] | null {
  return extent ? [extent.startMs, extent.endMs] : null;
}

/** `extents`: the evidence's extent in each time mode (columnsExtent or eventsExtent). */
export function buildInvestigationSummary(
  subject: Investigated,
  fingerprint: string,
  extents: Readonly<Record<TimeMode, TimeWindow | null>>,
): InvestigationDto {
  const { analysis } = subject;
  const first = analysis.firstDivergence;
  const firstIndex = first === null ? -1 : analysis.divergences.indexOf(first);
  return {
    fingerprint,
    extent: { aligned: extentOf(extents.aligned), raw: extentOf(extents.raw) },
    lanes: laneDtos(subject),
    findings: divergenceDtos(subject),
    signals: signalDtos(subject),
    firstDivergence: firstIndex >= 0 ? firstIndex : null,
    entities: entitySummaries(subject),
    requests: analysis.groups.identifiers.length,
  };
}
