/**
 * A stored event, as listSourceEvents gives it (an array of its columns), -> the analysis event
 * the command line builds from the same record (lib/domain/analysis/input.ts): the stored record
 * without its raw text, plus its source. The same mapping as toStoredEvent
 * (../queries/stored-event.ts) gives the API from a Prisma row; a test holds the two equal.
 *
 * A million events are loaded at once, so the event is built as one literal of a fixed shape,
 * and the few-valued columns are interned per load (interner.ts).
 */
import type { AnalysisEvent } from '@/lib/domain/analysis/input';
import type { Locator } from '@/lib/domain/event';
import { AT, ATTRIBUTES_AT, type SourceEventArray } from '../queries/list-source-events';
import { noInterning, type Interner } from '../queries/interner';

type Text = string | null;

function locatorOf(line: unknown, idx: unknown, spanId: Text, seq: number): Locator {
  if (line !== null) return { line: line as number };
  if (idx !== null) return { index: idx as number };
  if (spanId !== null) return { spanId };
  // Every stored event has a locator; `seq` stands in if a parser ever omitted one.
  return { index: seq };
}

export function toAnalysisEvent(v: SourceEventArray, source: number, intern: Interner = noInterning): AnalysisEvent {
  const seq = v[AT.seq] as number;
  const spanId = v[AT.spanId] as Text;
  const startTs = v[AT.startTs] as number | null;
  const endTs = v[AT.endTs] as number | null;
  const attributes = v[ATTRIBUTES_AT];
  const unparsed = v[AT.unparsed];
  return {
    locator: locatorOf(v[AT.line], v[AT.idx], spanId, seq),
    ts: v[AT.ts] as number | null,
    interval: startTs !== null && endTs !== null ? [startTs, endTs] : null,
    service: intern(v[AT.service] as Text),
    level: intern(v[AT.level] as Text),
    name: intern(v[AT.name] as Text),
    status: intern(v[AT.status] as Text),
    message: v[AT.message] as Text,
    ids: {
      requestId: v[AT.requestId] as Text,
      correlationId: v[AT.correlationId] as Text,
      traceId: v[AT.traceId] as Text,
      spanId,
      parentSpanId: v[AT.parentSpanId] as Text,
      sessionId: v[AT.sessionId] as Text,
    },
    attributes: attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {},
    unparsed: unparsed === 1 || unparsed === true,
    source,
    seq,
  };
}

/** The event's database id. */
export function eventIdOf(v: SourceEventArray): number {
  return v[AT.id] as number;
}
