/**
 * insertEventRows stores every value as given, on the engine under test (SQLite by default,
 * PostgreSQL's COPY path with TEST_DATABASE_URL): text with the characters COPY's text format
 * escapes (backslash, tab, newline, carriage return), unicode, nulls, floats, booleans; several
 * batches and more rows than one statement; and a failing call leaves no row behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { copyChunks, insertEventRows, ROWS_PER_STATEMENT } from './bulk-insert';
import { closeDb, type Db, getDb } from './client';
import { type EventOwner, type EventRowValue, OWNER_COLUMNS, packRows, ROW_COLUMNS, ROW_WIDTH } from './event-row';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-bulk-insert-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'bulk-insert');

let db: Db;
let position = 0;

async function newOwner(): Promise<EventOwner> {
  position++;
  const sourceId = `src-${position}`;
  await db.prisma.source.create({ data: { id: sourceId, incidentId: 'inc', name: `s${position}.log`, position, status: 'parsing' } });
  return { incidentNumber: 1, position };
}

const TRICKY = ['tab\there', 'line\nbreak', 'carriage\r\nreturn', 'back\\slash \\N \\t', 'ünïcødé ✓ 日本 🙂', '"quotes" \'and\' ,commas;', '\\', ''];

function row(seq: number, overrides: Partial<Record<(typeof ROW_COLUMNS)[number], EventRowValue>> = {}): EventRowValue[] {
  const base: Record<string, EventRowValue> = {
    seq,
    line: seq + 1,
    idx: null,
    spanId: null,
    ts: 1_700_000_000_000.25 + seq,
    startTs: null,
    endTs: null,
    service: 'api',
    level: 'info',
    name: null,
    status: null,
    message: TRICKY[seq % TRICKY.length]!,
    requestId: `req-${seq}`,
    correlationId: null,
    traceId: null,
    parentSpanId: null,
    sessionId: null,
    attributes: seq % 2 ? JSON.stringify({ k: TRICKY[seq % TRICKY.length] }) : null,
    // Every fourth row points into its source's text instead, some past 4 GiB (a BIGINT).
    raw: seq % 4 === 1 ? null : `raw ${TRICKY[(seq + 3) % TRICKY.length]}`,
    rawOffset: seq % 4 === 1 ? (seq % 8 === 1 ? 5_000_000_000 + seq : seq * 100) : null,
    rawLength: seq % 4 === 1 ? 99 : null,
    unparsed: seq % 3 === 0 ? 1 : 0,
    ...overrides,
  };
  return ROW_COLUMNS.map((c) => base[c] as EventRowValue);
}

beforeAll(async () => {
  db = await getDb();
  await db.prisma.incident.create({ data: { id: 'inc', number: 1, name: 'bulk insert' } });
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('insertEventRows', () => {
  /** Inserts rows of every kind through `target` in two batches and an empty one, and reads them back. */
  async function roundTrip(target: Db): Promise<void> {
    const owner = await newOwner();
    const rows = Array.from({ length: ROWS_PER_STATEMENT + 20 }, (_, seq) => row(seq));
    rows[5] = row(5, { ts: null, line: null, idx: 7, spanId: 's\t1', startTs: 1.5, endTs: 2.5 });
    const first = rows.slice(0, 300);
    const second = rows.slice(300);
    await insertEventRows(target, owner, [packRows(first.flat(), first.length), packRows([], 0), packRows(second.flat(), second.length)]);
    const stored = await db.prisma.event.findMany({ where: owner, orderBy: { seq: 'asc' } });
    expect(stored).toHaveLength(rows.length);
    for (const [i, event] of stored.entries()) {
      const asStored = (c: string, value: EventRowValue) => (c === 'unparsed' ? value === 1 : c === 'rawOffset' && value !== null ? BigInt(value) : value);
      const expected = Object.fromEntries(ROW_COLUMNS.map((c, j) => [c, asStored(c, rows[i]![j] as EventRowValue)]));
      expect(event).toMatchObject({ ...expected, incidentNumber: 1, position: owner.position });
    }
    expect(ROW_WIDTH).toBe(ROW_COLUMNS.length);
  }

  it('stores every value as given, across batches and statements', async () => {
    await roundTrip(db);
  });

  // The path for a driver whose connection is out of reach (a future adapter that hides it).
  it('stores the same through the portable statement, every column bound', async () => {
    await roundTrip({ ...db, sqliteConnection: () => null, postgresPool: () => null });
  });

  // PostgreSQL's COPY sizes a batch's buffer by the batch's character count: an undercount must grow it, not cut text.
  it('stores all of a text longer than its batch says', async () => {
    const owner = await newOwner();
    const long = `${'ü🙂\t'.repeat(50_000)}end`;
    const batch = { ...packRows(row(0, { message: long }), 1), chars: 0 };
    await insertEventRows(db, owner, [batch]);
    const stored = await db.prisma.event.findFirstOrThrow({ where: owner, select: { message: true, requestId: true } });
    expect(stored).toEqual({ message: long, requestId: 'req-0' });
  });

  it('inserts nothing when a row fails: one transaction per call', async () => {
    const owner = await newOwner();
    const good = [row(0), row(1)].flat();
    const bad = row(2, { seq: null }); // seq is NOT NULL
    await expect(insertEventRows(db, owner, [packRows(good, 2), packRows(bad, 1)])).rejects.toThrow();
    expect(await db.prisma.event.count({ where: owner })).toBe(0);
    // The connection is usable afterwards.
    await insertEventRows(db, owner, [packRows(good, 2)]);
    expect(await db.prisma.event.count({ where: owner })).toBe(2);
  });
});

/**
 * PostgreSQL's COPY text as its documentation defines it (fields by tabs, rows by newlines, \\N for
 * null, backslash escapes for backslash, tab, newline and carriage return; UTF-8), row by row:
 * the oracle for copyChunks, which writes the same bytes straight into buffers. Runs without a
 * server, so the default (SQLite) run checks the COPY path as well.
 */
function copyTextOracle(owner: EventOwner, rows: EventRowValue[][]): Buffer {
  const field = (value: EventRowValue): string =>
    value === null ? '\\N' : typeof value === 'number' ? String(value) : value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
  const lines = rows.map((row) => {
    const values = row.map((value, c) => (ROW_COLUMNS[c] === 'unparsed' ? (value === 1 ? 't' : 'f') : field(value)));
    return [String(owner.incidentNumber), String(owner.position), ...values].join('\t');
  });
  return Buffer.from(lines.map((line) => `${line}\n`).join(''));
}

describe('copyChunks (COPY text for PostgreSQL, checked without a server)', () => {
  const owner: EventOwner = { incidentNumber: 12, position: 3 };
  const odd: Partial<Record<(typeof ROW_COLUMNS)[number], EventRowValue>>[] = [
    { message: 'lone \ud800 surrogate', attributes: '{"k":"\udfff"}' },
    { ts: -1.2345678901234567e-6, startTs: -0, endTs: Number.NaN },
    { message: '', service: null, raw: '\\N is not null here' },
    { message: 'crlf\r\nand\ttab', rawOffset: Number.MAX_SAFE_INTEGER },
  ];

  it('gives the bytes of the oracle, a buffer per batch, empty batches skipped', () => {
    const rows = [...Array.from({ length: 40 }, (_, seq) => row(seq)), ...odd.map((o, i) => row(40 + i, o))];
    const first = rows.slice(0, 25);
    const rest = rows.slice(25);
    const chunks = [...copyChunks(owner, [packRows(first.flat(), first.length), packRows([], 0), packRows(rest.flat(), rest.length)])];
    expect(chunks).toHaveLength(2);
    expect(Buffer.concat(chunks).equals(copyTextOracle(owner, rows))).toBe(true);
    expect(OWNER_COLUMNS).toEqual(['incidentNumber', 'position']);
  });

  it('grows the buffer when a batch undercounts text that escaping doubles', () => {
    const rows = [row(0, { message: `${'\n\\'.repeat(20_000)}日本🙂`, attributes: '\t'.repeat(5_000) }), row(1)];
    const [chunk] = [...copyChunks(owner, [{ ...packRows(rows.flat(), 2), chars: 0 }])];
    expect(chunk!.equals(copyTextOracle(owner, rows))).toBe(true);
  });
});
