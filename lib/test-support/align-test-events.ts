/**
 * Builders for small hand-made AnalysisInputs in the align and identity tests.
 */
import type { EventIds, Locator } from '@/lib/domain/event';
import type { AnalysisEvent, AnalysisInput, AnalysisSource } from '@/lib/domain/analysis/input';
import { EventTable } from '@/lib/domain/analysis/event-table';

export interface TestEventSpec {
  source: number;
  service?: string | null;
  ts?: number | null;
  interval?: [number, number] | null;
  ids?: Partial<EventIds>;
  /** A span (locator { spanId }) when true; needs ids.spanId. */
  span?: boolean;
}

export function testInput(sources: Array<string | AnalysisSource>, specs: TestEventSpec[]): AnalysisInput {
  const srcs: AnalysisSource[] = sources.map((s) =>
    typeof s === 'string' ? { name: s, format: s.endsWith('.har') ? 'har' : 'jsonl' } : s,
  );
  const seqs = new Array<number>(srcs.length).fill(0);
  const sorted = specs
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.source - y.s.source || x.i - y.i)
    .map((x) => x.s);
  const events: AnalysisEvent[] = sorted.map((s) => {
    const seq = seqs[s.source]!;
    seqs[s.source] = seq + 1;
    const interval = s.interval ?? null;
    const ids: EventIds = {
      requestId: null,
      correlationId: null,
      traceId: null,
      spanId: null,
      parentSpanId: null,
      sessionId: null,
      ...s.ids,
    };
    const locator: Locator = s.span && ids.spanId ? { spanId: ids.spanId } : { line: seq + 1 };
    return {
      locator,
      ts: s.ts !== undefined ? s.ts : interval ? interval[0] : null,
      interval,
      service: s.service === undefined ? srcs[s.source]!.name : s.service,
      level: null,
      name: null,
      status: null,
      message: null,
      ids,
      attributes: {},
      unparsed: false,
      source: s.source,
      seq,
    };
  });
  return { sources: srcs, events: EventTable.of(events) };
}
