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
import type { SourceEventArray, SourceEventLayout } from '../queries/source-event-columns';
import type { Interner } from '../queries/interner';

type Text = string | null;

/**
 * Appends the stored event, an array in `layout` (a column the layout leaves out reads as
 * undefined: null), to `table`'s columns (a test holds `table.at(i)` equal to what the API's
 * toStoredEvent makes of the same row).
 */
export function pushStoredEvent(table: EventTableBuilder, v: SourceEventArray, layout: SourceEventLayout, source: number, intern: Interner): void {
  const at = layout.at;
  table.reserve(1);
  const i = table.length++;
  const seq = v[at.seq] as number;
  const spanId = (v[at.spanId] ?? null) as Text;
  const startTs = (v[at.startTs] ?? null) as number | null;
  const endTs = (v[at.endTs] ?? null) as number | null;
  const ts = (v[at.ts] ?? null) as number | null;
  const line = (v[at.line] ?? null) as number | null;
  const idx = (v[at.idx] ?? null) as number | null;
  const attributes = v[layout.attributesAt];
  const unparsed = v[at.unparsed];
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
  table.setText('service', i, intern((v[at.service] ?? null) as Text));
  table.setText('level', i, intern((v[at.level] ?? null) as Text));
  table.setText('name', i, intern((v[at.name] ?? null) as Text));
  table.setText('status', i, intern((v[at.status] ?? null) as Text));
  table.setText('message', i, (v[at.message] ?? null) as Text);
  table.setText('requestId', i, (v[at.requestId] ?? null) as Text);
  table.setText('correlationId', i, (v[at.correlationId] ?? null) as Text);
  table.setText('traceId', i, (v[at.traceId] ?? null) as Text);
  table.setText('spanId', i, spanId);
  table.setText('parentSpanId', i, (v[at.parentSpanId] ?? null) as Text);
  table.setText('sessionId', i, (v[at.sessionId] ?? null) as Text);
  table.attributes[i] = attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {};
}

/** The event's database id. */
export function eventIdOf(v: SourceEventArray, layout: SourceEventLayout): number {
  return v[layout.at.id] as number;
}
