/** Hand-made inputs for the timeline tests. */
import type { AnalysisEvent, AnalysisInput } from '@/lib/domain/analysis/input';
import type { Alignment, DomainAlignment } from '@/lib/domain/analysis/results';
import { NO_IDS } from '@/lib/domain/event';

export function ev(source: number, seq: number, p: Partial<AnalysisEvent> = {}): AnalysisEvent {
  return {
    locator: { line: seq + 1 },
    ts: null,
    interval: null,
    service: null,
    level: null,
    name: null,
    status: null,
    message: null,
    ids: { ...NO_IDS },
    attributes: {},
    unparsed: false,
    source,
    seq,
    ...p,
  };
}

export function domain(source: number, service: string, p: Partial<DomainAlignment> = {}): DomainAlignment {
  return { source, service, offsetMs: 0, offsetRangeMs: null, constraints: 0, aligned: false, overridden: false, ...p };
}

/** An Alignment for events with known domains: alignedTs = ts - offset. */
export function alignmentFor(input: AnalysisInput, domains: DomainAlignment[], domainOf: number[], reference = 0): Alignment {
  const alignedTs = new Float64Array(input.events.length);
  input.events.toArray().forEach((e, i) => {
    alignedTs[i] = e.ts === null ? Number.NaN : e.ts - domains[domainOf[i]!]!.offsetMs;
  });
  return { domains, domainOf: Int32Array.from(domainOf), alignedTs, reference };
}
