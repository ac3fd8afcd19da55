/**
 * What a source's events add up to: counts, time range and services, accumulated one event at
 * a time while parsing streams by, so neither the server nor the command line has to keep the
 * events to describe the source.
 *
 * Invariants: `events` counts every event, unparsed ones included (spec section 1); services are
 * in first-seen order; the time range covers event times and interval ends.
 */
import type { EpochMs, EvidenceEvent } from '../event';

export interface SourceTotals {
  events: number;
  unparsed: number;
  firstTs: EpochMs | null;
  lastTs: EpochMs | null;
  services: string[];
}

export class SourceSummary {
  private events = 0;
  private unparsed = 0;
  private firstTs: EpochMs | null = null;
  private lastTs: EpochMs | null = null;
  private readonly services = new Set<string>();

  add(event: EvidenceEvent): void {
    this.events++;
    if (event.unparsed) {
      this.unparsed++;
      return;
    }
    if (event.service !== null) this.services.add(event.service);
    const start = event.interval ? Math.min(event.interval[0], event.ts ?? Infinity) : event.ts;
    const end = event.interval ? Math.max(event.interval[1], event.ts ?? -Infinity) : event.ts;
    if (start !== null && (this.firstTs === null || start < this.firstTs)) this.firstTs = start;
    if (end !== null && (this.lastTs === null || end > this.lastTs)) this.lastTs = end;
  }

  totals(): SourceTotals {
    return {
      events: this.events,
      unparsed: this.unparsed,
      firstTs: this.firstTs,
      lastTs: this.lastTs,
      services: [...this.services],
    };
  }
}
