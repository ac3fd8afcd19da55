import { describe, expect, it } from 'vitest';
import { unparsedEvent } from '@/lib/domain/event';
import { EventRowBatcher, ROW_COLUMNS, ROW_WIDTH, ROWS_PER_BATCH } from './event-row';

describe('EventRowBatcher', () => {
  it('cuts rows into batches of ROWS_PER_BATCH, in order, each value where ROW_COLUMNS says', () => {
    const batcher = new EventRowBatcher();
    const total = ROWS_PER_BATCH * 2 + 7;
    for (let i = 0; i < total; i++) batcher.add(unparsedEvent({ line: i + 1 }, `line ${i}`, 'test'), i, i % 2 ? { offset: i * 10, length: 6 } : null);
    const batches = batcher.take();
    expect(batches.map((b) => b.count)).toEqual([ROWS_PER_BATCH, ROWS_PER_BATCH, 7]);
    const rows = batches.flatMap((b) => {
      expect(b.values).toHaveLength(b.count * ROW_WIDTH);
      expect(b.chars).toBe(b.values.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0));
      return Array.from({ length: b.count }, (_, r) => b.values.slice(r * ROW_WIDTH, (r + 1) * ROW_WIDTH));
    });
    const column = (row: unknown[], name: (typeof ROW_COLUMNS)[number]) => row[ROW_COLUMNS.indexOf(name)];
    rows.forEach((row, i) => {
      expect(column(row, 'seq')).toBe(i);
      expect(column(row, 'line')).toBe(i + 1);
      expect(column(row, 'raw')).toBe(i % 2 ? null : `line ${i}`);
      expect(column(row, 'rawOffset')).toBe(i % 2 ? i * 10 : null);
      expect(column(row, 'unparsed')).toBe(1);
    });
    expect(batcher.take()).toEqual([]);
  });
});
