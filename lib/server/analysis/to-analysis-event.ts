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
import { AT, ATTRIBUTES_AT, type SourceEventArray } from '../queries/source-event-columns';
import { noInterning, type Interner } from '../queries/interner';
import { locatorFrom } from '../queries/locator-of';
import { intervalOf } from '../db/event-row';

type Text = string | null;

// Read once: an imported binding is a getter call under some module loaders (tsx), and this
// runs 20 times per event.
const { service: SERVICE, level: LEVEL, name: NAME, status: STATUS, message: MESSAGE, requestId: REQUEST_ID, correlationId: CORRELATION_ID } = AT;
const { traceId: TRACE_ID, spanId: SPAN_ID, parentSpanId: PARENT_SPAN_ID, sessionId: SESSION_ID, id: ID, line: LINE, idx: IDX } = AT;
const { ts: TS, startTs: START_TS, endTs: END_TS, unparsed: UNPARSED, seq: SEQ } = AT;
const ATTRIBUTES = ATTRIBUTES_AT;

export function toAnalysisEvent(v: SourceEventArray, source: number, intern: Interner = noInterning): AnalysisEvent {
  const seq = v[SEQ] as number;
  const spanId = v[SPAN_ID] as Text;
  const startTs = v[START_TS] as number | null;
  const endTs = v[END_TS] as number | null;
  const ts = v[TS] as number | null;
  const attributes = v[ATTRIBUTES];
  const unparsed = v[UNPARSED];
  return {
    // Every stored event has a locator; `seq` stands in if a parser ever omitted one (as toStoredEvent).
    locator: locatorFrom(v[LINE] as number | null, v[IDX] as number | null, spanId) ?? { index: seq },
    ts,
    interval: intervalOf(startTs, endTs, ts),
    service: intern(v[SERVICE] as Text),
    level: intern(v[LEVEL] as Text),
    name: intern(v[NAME] as Text),
    status: intern(v[STATUS] as Text),
    message: v[MESSAGE] as Text,
    ids: {
      requestId: v[REQUEST_ID] as Text,
      correlationId: v[CORRELATION_ID] as Text,
      traceId: v[TRACE_ID] as Text,
      spanId,
      parentSpanId: v[PARENT_SPAN_ID] as Text,
      sessionId: v[SESSION_ID] as Text,
    },
    attributes: attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {},
    unparsed: unparsed === 1 || unparsed === true,
    source,
    seq,
  };
}

/** The event's database id. */
export function eventIdOf(v: SourceEventArray): number {
  return v[ID] as number;
}
