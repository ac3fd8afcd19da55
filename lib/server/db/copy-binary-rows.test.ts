import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@/lib/domain/prng';
import { CopyBinaryRows, type CopyRowSink } from './copy-binary-rows';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

function int16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
}

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
}

/** What PostgreSQL sends for one-column rows of these values, as the format documents it. */
function copyData(values: string[], extension = Buffer.alloc(0)): Buffer {
  const parts = [SIGNATURE, int32(0), int32(extension.length), extension];
  for (const value of values) {
    const bytes = Buffer.from(value, 'utf8');
    parts.push(int16(1), int32(bytes.length), bytes);
  }
  parts.push(int16(-1));
  return Buffer.concat(parts);
}

/** The rows read from `chunks`, each reassembled from its parts. */
function readRows(chunks: Buffer[], maxRowBytes?: number): string[] {
  const rows: string[] = [];
  let current: Buffer[] = [];
  const sink: CopyRowSink = {
    part: (chunk, start, end) => current.push(Buffer.from(chunk.subarray(start, end))),
    endRow: () => {
      rows.push(Buffer.concat(current).toString('utf8'));
      current = [];
    },
  };
  const reader = new CopyBinaryRows(sink, maxRowBytes);
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return rows;
}

const VALUES = ['["cart-api",1,{"a":"é"}]', '', 'x', '😀 astral and a \\ backslash, "quotes"', 'y'.repeat(300)];

describe('CopyBinaryRows', () => {
  it('gives every row, whole, however the stream is cut in two', () => {
    const data = copyData(VALUES);
    for (let cut = 0; cut <= data.length; cut++) {
      expect(readRows([data.subarray(0, cut), data.subarray(cut)])).toEqual(VALUES);
    }
  });

  it('gives every row when the stream comes a few bytes at a time, with a header extension', () => {
    const data = copyData(VALUES, Buffer.from('ext!'));
    const random = mulberry32(3);
    for (let round = 0; round < 50; round++) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < data.length; ) {
        const size = 1 + Math.floor(random() * 9);
        chunks.push(data.subarray(at, at + size));
        at += size;
      }
      expect(readRows(chunks)).toEqual(VALUES);
    }
  });

  it('reads a stream of no rows', () => {
    expect(readRows([copyData([])])).toEqual([]);
  });

  it('says what is wrong with data it cannot read', () => {
    const data = copyData(VALUES);
    expect(() => readRows([data.subarray(0, data.length - 1)])).toThrow('binary COPY data ended early (in a field count)');
    expect(() => readRows([data.subarray(0, 30)])).toThrow('ended early (in a value)');
    expect(() => readRows([Buffer.from('name\tvalue\n')])).toThrow('ended early');
    expect(() => readRows([Buffer.from('name\tvalue\nmore text here\n')])).toThrow('not binary COPY data (no PGCOPY signature)');
    expect(() => readRows([data, Buffer.from([0])])).toThrow('binary COPY data continues after its end marker');
    expect(() => readRows([data], 299)).toThrow('a row of 300 bytes is too large (299 at most)');
    const twoFields = Buffer.concat([SIGNATURE, int32(0), int32(0), int16(2), int32(1), Buffer.from('a'), int32(1), Buffer.from('b'), int16(-1)]);
    expect(() => readRows([twoFields])).toThrow('binary COPY row of 2 fields: one was expected');
    const withOids = Buffer.concat([SIGNATURE, int32(1 << 16), int32(0), int16(-1)]);
    expect(() => readRows([withOids])).toThrow('binary COPY data with OIDs');
    const nullRow = Buffer.concat([SIGNATURE, int32(0), int32(0), int16(1), int32(-1), int16(-1)]);
    expect(() => readRows([nullRow])).toThrow('binary COPY row is null: a value was expected');
  });
});
