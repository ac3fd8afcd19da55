import { describe, expect, it } from 'vitest';
import { unparsedEvent } from '@/lib/domain/event';
import { batchColumns, type EventRowBatch, EventRowBatcher, type EventRowValue, intervalOf, packRows, ROW_COLUMNS, ROW_WIDTH, ROWS_PER_BATCH } from './event-row';

/** The batch's rows with every ROW_COLUMNS column, the left-out ones as null. */
function fullRows(batch: EventRowBatch): EventRowValue[][] {
  const present = batchColumns(batch.columns);
  expect(batch.values).toHaveLength(batch.count * present.length);
  return Array.from({ length: batch.count }, (_, r) => {
    const row = new Array<EventRowValue>(ROW_WIDTH).fill(null);
    present.forEach((c, k) => (row[c] = batch.values[r * present.length + k] as EventRowValue));
    return row;
  });
}

const column = (row: unknown[], name: (typeof ROW_COLUMNS)[number]) => row[ROW_COLUMNS.indexOf(name)];

describe('EventRowBatcher', () => {
  it('cuts rows into batches of ROWS_PER_BATCH, in order, each value where ROW_COLUMNS says', () => {
    const batcher = new EventRowBatcher();
    const total = ROWS_PER_BATCH * 2 + 7;
    for (let i = 0; i < total; i++) batcher.add(unparsedEvent({ line: i + 1 }, `line ${i}`, 'test'), i, i % 2 ? { offset: i * 10, length: 6 } : null);
    const batches = batcher.take();
    expect(batches.map((b) => b.count)).toEqual([ROWS_PER_BATCH, ROWS_PER_BATCH, 7]);
    const rows = batches.flatMap((b) => {
      expect(b.chars).toBe(b.values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0));
      return fullRows(b);
    });
    rows.forEach((row, i) => {
      expect(column(row, 'seq')).toBe(i);
      expect(column(row, 'line')).toBe(i + 1);
      expect(column(row, 'raw')).toBe(i % 2 ? null : `line ${i}`);
      expect(column(row, 'rawOffset')).toBe(i % 2 ? i * 10 : null);
      expect(column(row, 'unparsed')).toBe(1);
    });
    expect(batcher.take()).toEqual([]);
  });

  it('leaves out of a batch the columns that are null in all its rows, and only those', () => {
    const batcher = new EventRowBatcher();
    // One row with a raw text, one pointing into the text: both raw columns stay, idx never is.
    batcher.add(unparsedEvent({ line: 1 }, 'first', 'test'), 0, null);
    batcher.add(unparsedEvent({ line: 2 }, 'second', 'test'), 1, { offset: 6, length: 6 });
    const [batch] = batcher.take();
    const names = batchColumns(batch!.columns).map((c) => ROW_COLUMNS[c]);
    expect(names).toEqual(expect.arrayContaining(['seq', 'line', 'raw', 'rawOffset', 'rawLength', 'unparsed']));
    expect(names).not.toContain('idx');
    expect(names).not.toContain('spanId');
    expect(fullRows(batch!).map((row) => [column(row, 'raw'), column(row, 'rawOffset'), column(row, 'idx')])).toEqual([
      ['first', null, null],
      [null, 6, null],
    ]);
  });
});

describe('intervals', () => {
  const withInterval = (ts: number | null, interval: [number, number] | null) => ({ ...unparsedEvent({ line: 1 }, 'x', 'test'), unparsed: false, ts, interval });

  it('stores endTs only when the interval does not end at the event time, and reads every interval back', () => {
    const events = [
      withInterval(1000, [750, 1000]), // a duration, logged when the work ended
      withInterval(1000, [1000, 1250]), // a span: ts is its start
      withInterval(null, [5, 9]),
      withInterval(1000, null),
      withInterval(0, [-3, 0]),
    ];
    const batcher = new EventRowBatcher();
    events.forEach((event, seq) => batcher.add(event, seq, null));
    const rows = batcher.take().flatMap(fullRows);
    expect(rows.map((row) => [column(row, 'startTs'), column(row, 'endTs')])).toEqual([
      [750, null],
      [1000, 1250],
      [5, 9],
      [null, null],
      [-3, null],
    ]);
    const read = rows.map((row) => intervalOf(column(row, 'startTs') as number | null, column(row, 'endTs') as number | null, column(row, 'ts') as number | null));
    expect(read).toEqual(events.map((event) => event.interval));
  });

  it('reads rows written before, which hold endTs even when it is ts', () => {
    expect(intervalOf(750, 1000, 1000)).toEqual([750, 1000]);
    expect(intervalOf(null, 1000, 1000)).toBeNull();
  });
});

describe('packRows', () => {
  it('keeps every value of a present column, nulls included, and weighs the text', () => {
    const rows: EventRowValue[] = [];
    for (let r = 0; r < 3; r++) rows.push(...ROW_COLUMNS.map((c, i) => (c === 'message' ? (r === 1 ? null : `m${r}`) : c === 'seq' ? r : i === ROW_WIDTH - 1 ? 0 : null)));
    const batch = packRows(rows, 3);
    expect(batchColumns(batch.columns).map((c) => ROW_COLUMNS[c])).toEqual(['seq', 'message', 'unparsed']);
    expect(batch.values).toEqual([0, 'm0', 0, 1, null, 0, 2, 'm2', 0]);
    expect(batch.chars).toBe(4);
    expect(packRows([], 0)).toEqual({ columns: 0, values: [], count: 0, chars: 0 });
  });
});
