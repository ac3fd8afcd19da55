/**
 * A stored event, as listSourceEvents gives it (an array of its columns), -> the analysis event
 * the command line builds from the same record (lib/domain/analysis/input.ts): the stored record
 * without its raw text, plus its source. The same mapping as toStoredEvent
 * (../queries/stored-event.ts) gives the API from a Prisma row; a test holds the two equal.
 *
 * The analysis load writes a million events straight into the columns of an EventTable
 * (pushStoredEvent), making no object per event; the profile suggestions' sample too, and take
 * its events as objects from the table. The few-valued columns are interned per load
 * (interner.ts).
 */
import { LOCATOR_INDEX, LOCATOR_LINE, LOCATOR_SPAN, type EventTableBuilder } from '@/lib/domain/analysis/event-table';
import { AT, ATTRIBUTES_AT, type SourceEventArray } from '../queries/source-event-columns';
import type { Interner } from '../queries/interner';

type Text = string | null;

// Read once: an imported binding is a getter call under some module loaders (tsx), and this
// runs 20 times per event.
const { service: SERVICE, level: LEVEL, name: NAME, status: STATUS, message: MESSAGE, requestId: REQUEST_ID, correlationId: CORRELATION_ID } = AT;
const { traceId: TRACE_ID, spanId: SPAN_ID, parentSpanId: PARENT_SPAN_ID, sessionId: SESSION_ID, id: ID, line: LINE, idx: IDX } = AT;
const { ts: TS, startTs: START_TS, endTs: END_TS, unparsed: UNPARSED, seq: SEQ } = AT;
const ATTRIBUTES = ATTRIBUTES_AT;

/**
 * Appends the stored event to `table`'s columns (a test holds `table.at(i)` equal to what the
 * API's toStoredEvent makes of the same row).
 */
export function pushStoredEvent(table: EventTableBuilder, v: SourceEventArray, source: number, intern: Interner): void {
  table.reserve(1);
  const i = table.length++;
  const seq = v[SEQ] as number;
  const spanId = v[SPAN_ID] as Text;
  const startTs = v[START_TS] as number | null;
  const endTs = v[END_TS] as number | null;
  const ts = v[TS] as number | null;
  const line = v[LINE] as number | null;
  const idx = v[IDX] as number | null;
  const attributes = v[ATTRIBUTES];
  const unparsed = v[UNPARSED];
  table.source[i] = source;
  table.seq[i] = seq;
  table.ts[i] = ts ?? Number.NaN;
  // As intervalOf: a stored interval without an end ends at the event's time.
  const end = startTs === null ? null : (endTs ?? ts);
  table.start[i] = end === null ? Number.NaN : (startTs as number);
  table.end[i] = end ?? Number.NaN;
  table.unparsed[i] = unparsed === 1 || unparsed === true ? 1 : 0;
  // As locatorFrom, `seq` standing in when there is no locator (as toStoredEvent).
  if (line !== null) {
    table.locatorKind[i] = LOCATOR_LINE;
    table.locatorValue[i] = line;
  } else if (idx !== null || spanId === null) {
    table.locatorKind[i] = LOCATOR_INDEX;
    table.locatorValue[i] = idx ?? seq;
  } else {
    table.locatorKind[i] = LOCATOR_SPAN;
    table.locatorValue[i] = 0;
  }
  table.setText('service', i, intern(v[SERVICE] as Text));
  table.setText('level', i, intern(v[LEVEL] as Text));
  table.setText('name', i, intern(v[NAME] as Text));
  table.setText('status', i, intern(v[STATUS] as Text));
  table.setText('message', i, v[MESSAGE] as Text);
  table.setText('requestId', i, v[REQUEST_ID] as Text);
  table.setText('correlationId', i, v[CORRELATION_ID] as Text);
  table.setText('traceId', i, v[TRACE_ID] as Text);
  table.setText('spanId', i, spanId);
  table.setText('parentSpanId', i, v[PARENT_SPAN_ID] as Text);
  table.setText('sessionId', i, v[SESSION_ID] as Text);
  table.attributes[i] = attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {};
}

/** The event's database id. */
export function eventIdOf(v: SourceEventArray): number {
  return v[ID] as number;
}
