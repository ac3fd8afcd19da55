/**
 * The analysis reads a source's events through listSourceEvents: one JSON text per page from the
 * engine's own driver (better-sqlite3, or pg with TEST_DATABASE_URL), written into the
 * analysis's columns by pushStoredEvent. That path must give exactly what the API's path gives
 * from Prisma's rows
 * (toStoredEvent), field for field, for real records: a corpus log with unparsed lines, a HAR
 * with intervals, and an OTLP export whose events are located by span id; and values that JSON
 * text must carry exactly (control characters, quotes, brackets, astral characters, doubles
 * with all their digits, integers past 2^53).
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { eventIdOf, pushStoredEvent } from '../analysis/to-analysis-event';
import { closeDb, getDb } from '../db/client';
import { discardSourceData } from '../ingest/discard-source-data';
import { ingestUpload } from '../ingest/ingest-upload';
import { reparseSource } from '../ingest/reparse-source';
import { createIncident } from './create-incident';
import { listSourceEvents } from './list-source-events';
import { FULL_LAYOUT, SOURCE_EVENT_COLUMNS } from './source-event-columns';
import { inRecordOrder } from './sqlite-source-events';
import { STORED_EVENT_SELECT, toStoredEvent } from './stored-event';
import { eventOwner } from '../db/event-owner';
import { ROW_COLUMNS } from '../db/event-row';
import { EventTableBuilder } from '@/lib/domain/analysis/event-table';
import type { AnalysisEvent } from '@/lib/domain/analysis/input';
import { NO_IDS } from '@/lib/domain/event';
import { noInterning } from './interner';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-list-source-events-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'list-source-events');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const OTLP_FILE = 'otlp/trace.json';
/** JSON lines whose values the page's JSON text must carry through unchanged. */
const AWKWARD_LINES = [
  { ts: '2026-11-20T10:00:00.123456Z', level: 'info', msg: 'tab\there, quote " backslash \\ bell \u0007 and ]', request_id: 'req-]', big: 12345678901234567890, third: 0.1 + 0.2 },
  { ts: '2026-11-20T10:00:01Z', level: 'error', msg: 'astral 😀 and é', trace_id: '4BF92F3577B34DA6A3CE929D0E0E4736', nested: { list: [1, 'two', null], empty: {} } },
  { ts: '2026-11-20T10:00:02.5Z', msg: '' },
  // A logged duration: an interval ending at ts, stored without its end.
  { ts: '2026-11-20T10:00:03Z', msg: 'slow', duration_ms: 250 },
].map((line) => JSON.stringify(line)).join('\n');

const sourceIds: string[] = [];

beforeAll(async () => {
  const incident = await createIncident({ name: 'rows' });
  for (const file of ['logs/all.log', 'har/timed_out.har', OTLP_FILE]) {
    const result = await ingestUpload({ incidentId: incident.id, name: path.basename(file), body: createReadStream(corpusPath(file)), redact: false });
    expect(result.ok).toBe(true);
    sourceIds.push(result.source.id);
  }
  const awkward = await ingestUpload({ incidentId: incident.id, name: 'awkward.jsonl', body: Readable.from([AWKWARD_LINES]), redact: false });
  expect(awkward.ok).toBe(true);
  sourceIds.push(awkward.ok ? awkward.source.id : '');
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

/** Every source's events and ids through listSourceEvents (pages of 2) equal those of Prisma's rows. */
async function expectPrismasEvents(worker: boolean): Promise<void> {
  const db = await getDb();
  for (const [index, sourceId] of sourceIds.entries()) {
    const ids = [];
    const columns = new EventTableBuilder(1);
    let pages = 0;
    for await (const { layout, events } of listSourceEvents(db, sourceId, { pageSize: 2, worker })) {
      pages++;
      expect(events.length).toBeLessThanOrEqual(2);
      for (const stored of events) {
        pushStoredEvent(columns, stored, layout, index, noInterning);
        ids.push(eventIdOf(stored, layout));
      }
    }
    const rows = await db.prisma.event.findMany({ where: (await eventOwner(db.prisma, sourceId))!, select: { ...STORED_EVENT_SELECT, id: true }, orderBy: { seq: 'asc' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(pages).toBe(Math.ceil(rows.length / 2));
    expect(columns.build().toArray()).toEqual(rows.map((row) => ({ ...toStoredEvent(row), source: index, seq: row.seq })));
    expect(ids).toEqual(rows.map((row) => row.id));
  }
}

/** Sets every source's Source.filledColumns to `json`, for `run`, then back to what ingest wrote. */
async function withFilledColumns(json: string | null, run: () => Promise<void>): Promise<void> {
  const db = await getDb();
  const saved = await db.prisma.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, filledColumns: true } });
  await db.prisma.source.updateMany({ where: { id: { in: sourceIds } }, data: { filledColumns: json } });
  try {
    await run();
  } finally {
    for (const { id, filledColumns } of saved) await db.prisma.source.update({ where: { id }, data: { filledColumns } });
  }
}

describe('listSourceEvents', () => {
  it.each([true, false])('gives the events and ids Prisma gives, in record order, across pages (SQLite worker: %s)', async (worker) => {
    await expectPrismasEvents(worker);
  });

  it('records the columns each source\'s events fill, and reads only those', async () => {
    const db = await getDb();
    const left: string[][] = [];
    for (const sourceId of sourceIds) {
      const owner = (await eventOwner(db.prisma, sourceId))!;
      const filled: string[] = [];
      for (const column of ROW_COLUMNS) {
        const where = `"incidentNumber" = ${owner.incidentNumber} AND "position" = ${owner.position} AND "${column}" IS NOT NULL`;
        if ((await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 AS "one" FROM "Event" WHERE ${where} LIMIT 1`)).length > 0) filled.push(column);
      }
      const source = await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { filledColumns: true } });
      expect(JSON.parse(source.filledColumns!)).toEqual(filled);
      const read = SOURCE_EVENT_COLUMNS.filter((c) => c === 'id' || filled.includes(c));
      left.push(SOURCE_EVENT_COLUMNS.filter((c) => !read.includes(c)));
      for await (const { layout, events } of listSourceEvents(db, sourceId)) {
        expect(layout.columns).toEqual(read);
        for (const event of events) expect(event).toHaveLength(read.length + 1);
      }
    }
    // Each of these sources leaves some columns out (a log line has no span, a span no line).
    for (const columns of left) expect(columns.length).toBeGreaterThan(0);
  });

  it('reads every column of a source whose filled columns are not known (parsed before they were recorded)', async () => {
    await withFilledColumns(null, async () => {
      const db = await getDb();
      for await (const { layout } of listSourceEvents(db, sourceIds[0]!)) expect(layout.columns).toEqual(SOURCE_EVENT_COLUMNS);
      await expectPrismasEvents(true);
    });
  });

  it('leaves out every column the source says its events leave empty', async () => {
    // Not true of these events: the load trusts Source.filledColumns, and shows it here.
    await withFilledColumns('[]', async () => {
      const db = await getDb();
      const columns = new EventTableBuilder(1);
      const ids: number[] = [];
      for await (const { layout, events } of listSourceEvents(db, sourceIds[3]!)) {
        expect(layout.columns).toEqual(['id', 'unparsed', 'seq']);
        for (const stored of events) {
          pushStoredEvent(columns, stored, layout, 3, noInterning);
          ids.push(eventIdOf(stored, layout));
        }
      }
      const rows = await db.prisma.event.findMany({ where: (await eventOwner(db.prisma, sourceIds[3]!))!, select: { ...STORED_EVENT_SELECT, id: true }, orderBy: { seq: 'asc' } });
      expect(ids).toEqual(rows.map((row) => row.id));
      expect(columns.build().toArray()).toEqual(
        rows.map((row) => ({
          locator: { index: row.seq }, ts: null, interval: null, service: null, level: null, name: null, status: null, message: null,
          ids: { ...NO_IDS }, attributes: toStoredEvent(row).attributes, unparsed: row.unparsed, source: 3, seq: row.seq,
        })),
      );
    });
  });

  it('stops after `limit` events', async () => {
    const db = await getDb();
    const pages = [];
    for await (const page of listSourceEvents(db, sourceIds[0]!, { pageSize: 4, limit: 10 })) pages.push(page.events.length);
    expect(pages).toEqual([4, 4, 2]);
  });

  it('refuses an event longer than the bound, naming it too large', async () => {
    const db = await getDb();
    const read = async () => {
      for await (const page of listSourceEvents(db, sourceIds[3]!, { bounds: { pageChars: 40, eventChars: 40 } })) expect(page).toBeDefined();
    };
    await expect(read()).rejects.toThrow(/too large/);
  });

  it('stops reading when the caller stops, and gives back what it held', async () => {
    const db = await getDb();
    const pool = db.postgresPool();
    const pages = listSourceEvents(db, sourceIds[0]!, { pageSize: 2 });
    for await (const page of pages) {
      expect(page.events).toHaveLength(2);
      // PostgreSQL streams the source on a connection of the pool, taken now.
      if (pool) expect(pool.totalCount - pool.idleCount).toBe(1);
      break;
    }
    expect(await pages.next()).toEqual({ done: true, value: undefined });
    if (pool) expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('forgets the columns filled with the events, and records them again when the source is parsed again', async () => {
    const db = await getDb();
    const id = sourceIds[0]!;
    const filledColumns = async () => (await db.prisma.source.findUniqueOrThrow({ where: { id }, select: { filledColumns: true } })).filledColumns;
    const recorded = await filledColumns();
    expect(recorded).not.toBeNull();
    await discardSourceData(db.prisma, db.dialect, id);
    expect(await filledColumns()).toBeNull();
    await db.prisma.source.update({ where: { id }, data: { filledColumns: '[]' } });
    expect((await reparseSource(id)).ok).toBe(true);
    expect(await filledColumns()).toBe(recorded);
  });

  it('carries doubles JSON has no text for', async () => {
    const db = await getDb();
    const owner = (await eventOwner(db.prisma, sourceIds[3]!))!;
    // endTs is empty in all of these events: a row written outside ingest makes the columns filled not known.
    await db.prisma.source.update({ where: { id: sourceIds[3]! }, data: { filledColumns: null } });
    // Written as SQL literals (what reaches the database is then certain). SQLite keeps no NaN.
    const [inf, minusInf, nan] = db.dialect.engine === 'postgresql' ? ["'Infinity'", "'-Infinity'", "'NaN'"] : ['9e999', '-9e999', 'NULL'];
    await db.prisma.$executeRawUnsafe(
      `UPDATE "Event" SET "ts" = ${inf}, "startTs" = ${minusInf}, "endTs" = ${nan} WHERE "incidentNumber" = ${owner.incidentNumber} AND "position" = ${owner.position} AND "seq" = 3`,
    );
    const columns = new EventTableBuilder(1);
    for await (const { layout, events } of listSourceEvents(db, sourceIds[3]!)) for (const stored of events) pushStoredEvent(columns, stored, layout, 0, noInterning);
    const event = columns.build().at(3);
    expect(event.ts).toBe(Infinity);
    expect(event.interval).toEqual([-Infinity, Infinity]);
  });

  it('writes rows no corpus file has as the stored record says', () => {
    const row = (values: Partial<Record<(typeof SOURCE_EVENT_COLUMNS)[number], unknown>>) => [...SOURCE_EVENT_COLUMNS.map((column) => values[column] ?? null), null];
    const columns = new EventTableBuilder(1);
    for (const r of [
      row({ seq: 7 }), // no locator at all: seq stands in
      row({ seq: 8, line: 3, startTs: 100 }), // an interval start without an end or a time: no interval
      row({ seq: 9, spanId: 'ab', ts: 5, startTs: 1 }), // a span: its interval ends at its time
      row({ seq: 10, idx: 2, unparsed: true }),
    ]) {
      pushStoredEvent(columns, r, FULL_LAYOUT, 3, noInterning);
    }
    const event = (seq: number, p: Partial<AnalysisEvent>): AnalysisEvent => ({
      locator: { index: seq }, ts: null, interval: null, service: null, level: null, name: null, status: null, message: null,
      ids: { ...NO_IDS }, attributes: {}, unparsed: false, source: 3, seq, ...p,
    });
    expect(columns.build().toArray()).toEqual([
      event(7, {}),
      event(8, { locator: { line: 3 } }),
      event(9, { locator: { spanId: 'ab' }, ts: 5, interval: [1, 5], ids: { ...NO_IDS, spanId: 'ab' } }),
      event(10, { locator: { index: 2 }, unparsed: true }),
    ]);
  });

  it('puts a page back in record order if an engine joined it in another', () => {
    const event = (seq: number) => SOURCE_EVENT_COLUMNS.map((column) => (column === 'seq' ? seq : null));
    const page = [event(4), event(2), event(3)];
    inRecordOrder(page, SOURCE_EVENT_COLUMNS);
    expect(page.map((e) => e[FULL_LAYOUT.at.seq])).toEqual([2, 3, 4]);
  });
});
