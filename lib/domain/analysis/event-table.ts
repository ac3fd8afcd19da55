/**
 * The analysis's events as columns: one typed array or array per field, indexed by event index
 * (the ids every analysis result uses). What AnalysisInput carries (input.ts).
 *
 * Why columns and not an AnalysisEvent object per event: a million event objects, each with its
 * `ids`, locator and interval objects, held 500 MB of heap, and making them and copying them
 * through the young generation was most of the time it took to load an incident's stored
 * events (measured on 1M stored events: loaded as columns 3.2-3.3 s and 282 MB of heap, as
 * objects 4.4-5.4 s and 508 MB, the scavenges 0.7-0.9 s against 1.7-2.1 s). Times and numbers
 * live in typed arrays, which the collector never copies; strings and attribute objects in
 * plain arrays.
 *
 * Reading: the analysis's passes over every event read the columns; code that looks at a few
 * events (a finding's evidence, a view) takes `at(i)`, an AnalysisEvent made on demand.
 *
 * Encoding: a missing time or interval is NaN (`ts`, `start`, `end`; an event has an interval
 * iff `start` is not NaN); a locator is its kind and number, a span's locator being its own span
 * id (the `spanId` column) unless `of` was given another.
 */
import type { EventIds, Locator } from '../event';
import type { AnalysisEvent } from './input';

export const LOCATOR_LINE = 0;
export const LOCATOR_INDEX = 1;
export const LOCATOR_SPAN = 2;

type Text = string | null;

/** The columns of text (string or null) values. */
export type TextColumn = 'service' | 'level' | 'name' | 'status' | 'message' | 'requestId' | 'correlationId' | 'traceId' | 'spanId' | 'parentSpanId' | 'sessionId';
const TEXT_COLUMNS: readonly TextColumn[] = ['service', 'level', 'name', 'status', 'message', 'requestId', 'correlationId', 'traceId', 'spanId', 'parentSpanId', 'sessionId'];

export class EventTable {
  readonly length: number;
  readonly source: Int32Array;
  /** Position of the record within its source (0-based). */
  readonly seq: Int32Array;
  /** The time the source reports, NaN when none. */
  readonly ts: Float64Array;
  /** Interval start and end, both NaN when the event has no interval. */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** 1 for unparsed events. */
  readonly unparsed: Uint8Array;
  /** LOCATOR_LINE, LOCATOR_INDEX or LOCATOR_SPAN. */
  readonly locatorKind: Uint8Array;
  /** The line or index of the locator (0 for span locators). */
  readonly locatorValue: Int32Array;
  readonly service: Text[];
  readonly level: Text[];
  readonly name: Text[];
  readonly status: Text[];
  readonly message: Text[];
  readonly requestId: Text[];
  readonly correlationId: Text[];
  readonly traceId: Text[];
  readonly spanId: Text[];
  readonly parentSpanId: Text[];
  readonly sessionId: Text[];
  readonly attributes: Array<Record<string, unknown>>;
  /** Span locators naming another span than the event's own `spanId` (events given to `of`). */
  readonly otherSpanLocators: ReadonlyMap<number, string>;

  constructor(builder: EventTableBuilder) {
    const n = builder.length;
    this.length = n;
    this.source = cut(builder.source, n);
    this.seq = cut(builder.seq, n);
    this.ts = cut(builder.ts, n);
    this.start = cut(builder.start, n);
    this.end = cut(builder.end, n);
    this.unparsed = cut(builder.unparsed, n);
    this.locatorKind = cut(builder.locatorKind, n);
    this.locatorValue = cut(builder.locatorValue, n);
    const texts = builder.textColumnsOf(n);
    this.service = texts.service;
    this.level = texts.level;
    this.name = texts.name;
    this.status = texts.status;
    this.message = texts.message;
    this.requestId = texts.requestId;
    this.correlationId = texts.correlationId;
    this.traceId = texts.traceId;
    this.spanId = texts.spanId;
    this.parentSpanId = texts.parentSpanId;
    this.sessionId = texts.sessionId;
    // Sized for more events than came: cut to those that did.
    builder.attributes.length = n;
    this.attributes = builder.attributes;
    this.otherSpanLocators = builder.otherSpanLocators;
  }

  /** The events as columns (the command line, tests). */
  static of(events: readonly AnalysisEvent[]): EventTable {
    const builder = new EventTableBuilder(events.length);
    for (const event of events) builder.push(event);
    return builder.build();
  }

  /** Every event as an object, made now: for small tables (a sample, a test). */
  toArray(): AnalysisEvent[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /** Event `i` as an object, made now: for code that reads a few events. */
  at(i: number): AnalysisEvent {
    this.check(i);
    return {
      locator: this.locatorAt(i),
      ts: this.tsAt(i),
      interval: this.intervalAt(i),
      service: this.service[i]!,
      level: this.level[i]!,
      name: this.name[i]!,
      status: this.status[i]!,
      message: this.message[i]!,
      ids: this.idsAt(i),
      attributes: this.attributes[i]!,
      unparsed: this.unparsed[i] === 1,
      source: this.source[i]!,
      seq: this.seq[i]!,
    };
  }

  tsAt(i: number): number | null {
    const ts = this.ts[i]!;
    return Number.isNaN(ts) ? null : ts;
  }

  intervalAt(i: number): [number, number] | null {
    const start = this.start[i]!;
    return Number.isNaN(start) ? null : [start, this.end[i]!];
  }

  idsAt(i: number): EventIds {
    return {
      requestId: this.requestId[i]!,
      correlationId: this.correlationId[i]!,
      traceId: this.traceId[i]!,
      spanId: this.spanId[i]!,
      parentSpanId: this.parentSpanId[i]!,
      sessionId: this.sessionId[i]!,
    };
  }

  locatorAt(i: number): Locator {
    this.check(i);
    const kind = this.locatorKind[i]!;
    if (kind === LOCATOR_LINE) return { line: this.locatorValue[i]! };
    if (kind === LOCATOR_INDEX) return { index: this.locatorValue[i]! };
    return { spanId: this.otherSpanLocators.get(i) ?? this.spanId[i] ?? '' };
  }

  /** A bad index is a bug: fail where it is, not as a made-up event (typed arrays answer undefined). */
  private check(i: number): void {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no event ${i} among ${this.length}`);
  }

  /** Whether event `i` is a span (its locator is a span id). */
  isSpan(i: number): boolean {
    return this.locatorKind[i] === LOCATOR_SPAN;
  }
}

/**
 * Fills the columns event by event (grown as needed, or sized up front when the count is
 * known), then `build()` once: the table takes the columns, so the builder is done. The columns
 * are public for loaders that fill them from their own rows
 * (lib/server/analysis/to-analysis-event.ts): `reserve(1)`, advance `length`, then write every
 * typed column and the attributes at the new event's index and its texts through `setText` (no
 * gaps: an array's hole would read as undefined, not null).
 */
export class EventTableBuilder {
  length = 0;
  source: Int32Array;
  seq: Int32Array;
  ts: Float64Array;
  start: Float64Array;
  end: Float64Array;
  unparsed: Uint8Array;
  locatorKind: Uint8Array;
  locatorValue: Int32Array;
  /**
   * Text columns, null while every value so far was null: one not allocated costs nothing (a
   * million events' column is 8 MB, and a source leaves several empty: logs have no span ids,
   * spans no request ids). Written through setText.
   */
  private readonly texts: Record<TextColumn, Text[] | null> = {
    service: null, level: null, name: null, status: null, message: null,
    requestId: null, correlationId: null, traceId: null, spanId: null, parentSpanId: null, sessionId: null,
  };
  readonly attributes: Array<Record<string, unknown>>;
  readonly otherSpanLocators = new Map<number, string>();
  /** Set by build(): the table owns the columns from then on. */
  private built = false;

  constructor(capacity = 1024) {
    const size = Math.max(16, capacity);
    this.source = new Int32Array(size);
    this.seq = new Int32Array(size);
    this.ts = new Float64Array(size);
    this.start = new Float64Array(size);
    this.end = new Float64Array(size);
    this.unparsed = new Uint8Array(size);
    this.locatorKind = new Uint8Array(size);
    this.locatorValue = new Int32Array(size);
    // Sized up front: an array grown one element at a time to a million is copied ~30 times.
    this.attributes = new Array<Record<string, unknown>>(capacity);
  }

  /** Column `column`'s value for event `i`, the one being written (i === length - 1). */
  setText(column: TextColumn, i: number, value: Text): void {
    const values = this.texts[column];
    if (values !== null) values[i] = value;
    else if (value !== null) this.allocateText(column, i)[i] = value;
  }

  /** The column, allocated at its first value: null for the events before it. */
  private allocateText(column: TextColumn, i: number): Text[] {
    // Sized up front, as the attributes.
    const values = new Array<Text>(Math.max(this.ts.length, i + 1));
    for (let k = 0; k < i; k++) values[k] = null;
    this.texts[column] = values;
    return values;
  }

  /** The text columns cut to `n` events; those never written share one array of nulls. */
  textColumnsOf(n: number): Record<TextColumn, Text[]> {
    let nulls: Text[] | null = null;
    const out = {} as Record<TextColumn, Text[]>;
    for (const column of TEXT_COLUMNS) {
      const values = this.texts[column];
      if (values !== null) values.length = n;
      out[column] = values ?? (nulls ??= new Array<Text>(n).fill(null));
    }
    return out;
  }

  /** Room for `more` events after `length`. */
  reserve(more: number): void {
    if (this.built) throw new Error('this EventTableBuilder was built: its columns belong to the table');
    const needed = this.length + more;
    if (needed <= this.ts.length) return;
    const size = Math.max(needed, this.ts.length * 2);
    this.source = grown(this.source, new Int32Array(size));
    this.seq = grown(this.seq, new Int32Array(size));
    this.ts = grown(this.ts, new Float64Array(size));
    this.start = grown(this.start, new Float64Array(size));
    this.end = grown(this.end, new Float64Array(size));
    this.unparsed = grown(this.unparsed, new Uint8Array(size));
    this.locatorKind = grown(this.locatorKind, new Uint8Array(size));
    this.locatorValue = grown(this.locatorValue, new Int32Array(size));
  }

  push(event: AnalysisEvent): void {
    this.reserve(1);
    const i = this.length++;
    this.source[i] = event.source;
    this.seq[i] = event.seq;
    this.ts[i] = event.ts ?? Number.NaN;
    this.start[i] = event.interval?.[0] ?? Number.NaN;
    this.end[i] = event.interval?.[1] ?? Number.NaN;
    this.unparsed[i] = event.unparsed ? 1 : 0;
    const { locator, ids } = event;
    if ('line' in locator) {
      this.locatorKind[i] = LOCATOR_LINE;
      this.locatorValue[i] = locator.line;
    } else if ('index' in locator) {
      this.locatorKind[i] = LOCATOR_INDEX;
      this.locatorValue[i] = locator.index;
    } else {
      this.locatorKind[i] = LOCATOR_SPAN;
      if (locator.spanId !== ids.spanId) this.otherSpanLocators.set(i, locator.spanId);
    }
    this.setText('service', i, event.service);
    this.setText('level', i, event.level);
    this.setText('name', i, event.name);
    this.setText('status', i, event.status);
    this.setText('message', i, event.message);
    this.setText('requestId', i, ids.requestId);
    this.setText('correlationId', i, ids.correlationId);
    this.setText('traceId', i, ids.traceId);
    this.setText('spanId', i, ids.spanId);
    this.setText('parentSpanId', i, ids.parentSpanId);
    this.setText('sessionId', i, ids.sessionId);
    this.attributes[i] = event.attributes;
  }

  /** Events `from` to `to` (exclusive) of another table, as they are (a later load reuses a source's). */
  pushRange(table: EventTable, from: number, to: number): void {
    const count = to - from;
    this.reserve(count);
    const at = this.length;
    this.source.set(table.source.subarray(from, to), at);
    this.seq.set(table.seq.subarray(from, to), at);
    this.ts.set(table.ts.subarray(from, to), at);
    this.start.set(table.start.subarray(from, to), at);
    this.end.set(table.end.subarray(from, to), at);
    this.unparsed.set(table.unparsed.subarray(from, to), at);
    this.locatorKind.set(table.locatorKind.subarray(from, to), at);
    this.locatorValue.set(table.locatorValue.subarray(from, to), at);
    for (const column of TEXT_COLUMNS) {
      const values = table[column];
      for (let i = from; i < to; i++) this.setText(column, at + i - from, values[i]!);
    }
    for (let i = from; i < to; i++) this.attributes[at + i - from] = table.attributes[i]!;
    for (const [i, spanId] of table.otherSpanLocators) {
      if (i >= from && i < to) this.otherSpanLocators.set(at + i - from, spanId);
    }
    this.length += count;
  }

  build(): EventTable {
    this.reserve(0); // throws when built already
    this.built = true;
    return new EventTable(this);
  }
}

/** The first `n` entries; copied when they are a small part of the buffer (grown, or sized for far more). */
function cut<T extends Int32Array | Float64Array | Uint8Array>(column: T, n: number): T {
  return (n * 2 < column.length ? column.slice(0, n) : column.subarray(0, n)) as T;
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T {
  next.set(old as never);
  return next;
}
