/**
 * A stored event row -> the analysis event the command line builds from the same record
 * (lib/domain/analysis/input.ts): the stored record without its raw text, plus its source.
 *
 * Built in one allocation, without spreading (a million events are loaded at once), and with
 * the few-valued columns (service, level, name, status) interned per load: SQLite hands out a
 * fresh string per row, and a million copies of "cart-api" cost memory and collection time the
 * analysis then pays for.
 */
import type { AnalysisEvent } from '@/lib/domain/analysis/input';
import type { AnalysisEventRow } from '../queries/list-source-events';
import { parseAttributes } from '../queries/stored-event';
import { locatorOf } from '../queries/locator-of';

/** Returns one shared instance per distinct value seen in this load. */
export type Interner = (value: string | null) => string | null;

export function createInterner(): Interner {
  const seen = new Map<string, string>();
  return (value) => {
    if (value === null) return null;
    const kept = seen.get(value);
    if (kept !== undefined) return kept;
    seen.set(value, value);
    return value;
  };
}

const passThrough: Interner = (value) => value;

export function toAnalysisEvent(row: AnalysisEventRow, source: number, intern: Interner = passThrough): AnalysisEvent {
  return {
    // Every stored event has a locator; `seq` stands in if a parser ever omitted one.
    locator: locatorOf(row) ?? { index: row.seq },
    ts: row.ts,
    interval: row.startTs !== null && row.endTs !== null ? [row.startTs, row.endTs] : null,
    service: intern(row.service),
    level: intern(row.level),
    name: intern(row.name),
    status: intern(row.status),
    message: row.message,
    ids: {
      requestId: row.requestId,
      correlationId: row.correlationId,
      traceId: row.traceId,
      spanId: row.spanId,
      parentSpanId: row.parentSpanId,
      sessionId: row.sessionId,
    },
    attributes: parseAttributes(row.attributes),
    unparsed: row.unparsed,
    source,
    seq: row.seq,
  };
}
