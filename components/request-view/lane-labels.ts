/**
 * How the views name a lane (a clock domain): `source` when the source has one service,
 * `source/service` when it has several, as the analysis summaries name witnesses
 * (ARCHITECTURE.md, "Decisions the spec leaves open").
 */
import type { LaneDto } from '@/lib/schemas/investigation';

/** Label per lane index. */
export function laneLabels(lanes: readonly Pick<LaneDto, 'index' | 'sourceId' | 'source' | 'service'>[]): Map<number, string> {
  const perSource = new Map<string, number>();
  for (const lane of lanes) perSource.set(lane.sourceId, (perSource.get(lane.sourceId) ?? 0) + 1);
  const labels = new Map<number, string>();
  for (const lane of lanes) {
    const several = (perSource.get(lane.sourceId) ?? 1) > 1;
    labels.set(lane.index, several ? `${lane.source}/${lane.service || '(no service)'}` : lane.source);
  }
  return labels;
}

/** An event's lane label, falling back to its own source and service if the lane is unknown. */
export function eventLaneLabel(labels: ReadonlyMap<number, string>, event: { lane: number; source: string; service: string | null }): string {
  return labels.get(event.lane) ?? (event.service ? `${event.source}/${event.service}` : event.source);
}
