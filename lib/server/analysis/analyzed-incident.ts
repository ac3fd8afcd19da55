/**
 * One analysis of an incident's evidence held in memory (incident-analysis.ts keeps the most
 * recent ones): the input, the analysis and the database ids of its events and sources, plus
 * what the investigation views derive from them, each built on first use and then kept with
 * the entry: the lanes, the timeline columns, column positions and extent per time mode, the event id
 * lookup, and any DTO a route memoizes (`memo`). Everything is immutable once built, so
 * concurrent requests share it freely.
 */
import type { AnalysisResult } from '@/lib/domain/analysis/analyze';
import type { AnalysisInput } from '@/lib/domain/analysis/input';
import type { Investigated } from '@/lib/domain/investigate/investigated';
import { columnPositions } from '@/lib/domain/investigate/timeline-step';
import type { SourceOutcome } from '@/lib/domain/report/report';
import { buildEventColumns, columnsExtent, eventsExtent, type EventColumns, type TimeMode } from '@/lib/domain/timeline/columnar-events';
import type { TimeWindow } from '@/lib/domain/timeline/view-window';
import { buildLanes, type Lanes } from '@/lib/domain/timeline/lanes';
import type { AnalysisProfile } from '@/lib/schemas/profile';
import type { LoadedEvidence } from './load-analysis-input';

export class AnalyzedIncident implements Investigated {
  readonly input: AnalysisInput;
  readonly outcomes: SourceOutcome[];
  readonly eventIds: Float64Array;
  readonly sourceIds: string[];
  private readonly derived = new Map<string, unknown>();

  constructor(
    readonly incidentId: string,
    readonly fingerprint: string,
    /** What the input was loaded as: the next analysis of this incident reuses its unchanged sources. */
    readonly loaded: LoadedEvidence,
    readonly analysis: AnalysisResult,
    readonly profile: AnalysisProfile | null,
    /** Loading and analyzing, ms. */
    readonly computeMs: number,
    /** What it was estimated to hold at its peak (analysis-memory.ts), bytes: what it counts against the budget while kept. */
    readonly heapEstimate: number,
  ) {
    this.input = loaded.input;
    this.outcomes = loaded.outcomes;
    this.eventIds = loaded.eventIds;
    this.sourceIds = loaded.sourceIds;
  }

  /** The value built once per entry under `key`. */
  memo<T>(key: string, build: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = build();
    this.derived.set(key, value);
    return value;
  }

  get lanes(): Lanes {
    return this.memo('lanes', () => buildLanes(this.input.sources, this.analysis.alignment));
  }

  columns(mode: TimeMode): EventColumns {
    return this.memo(`columns:${mode}`, () => buildEventColumns(this.input, this.analysis.alignment, this.lanes.laneOfDomain, mode));
  }

  /** The evidence's extent in a mode: from its columns when they are built, else without building them. */
  extent(mode: TimeMode): TimeWindow | null {
    if (this.derived.has(`columns:${mode}`)) return columnsExtent(this.columns(mode));
    return this.memo(`extent:${mode}`, () => eventsExtent(this.input, this.analysis.alignment, mode));
  }

  /** Column position per event index in a mode (-1: untimed), for stepping from an event. */
  positions(mode: TimeMode): Int32Array {
    return this.memo(`positions:${mode}`, () => columnPositions(this.columns(mode), this.input.events.length));
  }

  /** The event index of a database id, or -1 when the id is not part of this analysis. */
  indexOfEventId(id: number): number {
    const order = this.memo('id-order', () => idOrder(this.eventIds));
    const ids = this.eventIds;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[order[mid]!]! < id) lo = mid + 1;
      else hi = mid;
    }
    const index = lo < order.length ? order[lo]! : -1;
    return index >= 0 && ids[index] === id ? index : -1;
  }

  /** The clock offset of a (source id, service) domain, or null when the analysis has none. */
  offsetOf(sourceId: string, service: string): number | null {
    const table = this.memo('offsets', () => {
      const bySource = new Map<string, Map<string, number>>();
      for (const d of this.analysis.alignment.domains) {
        const id = this.sourceIds[d.source]!;
        if (!bySource.has(id)) bySource.set(id, new Map());
        bySource.get(id)!.set(d.service, d.offsetMs);
      }
      return bySource;
    });
    return table.get(sourceId)?.get(service) ?? null;
  }
}

/** Event indexes in id order. Ids mostly ascend already (sources are written in order): then no sort. */
function idOrder(ids: Float64Array): Int32Array {
  const order = new Int32Array(ids.length);
  let sorted = true;
  for (let i = 0; i < ids.length; i++) {
    order[i] = i;
    if (i > 0 && ids[i]! < ids[i - 1]!) sorted = false;
  }
  if (!sorted) order.sort((a, b) => ids[a]! - ids[b]!);
  return order;
}
