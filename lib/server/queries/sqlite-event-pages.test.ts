/**
 * A SQLite page of events is one JSON text, bounded in size: when the events would make it too
 * long, the page holds fewer of them, and nothing is lost or repeated across the cut pages. An
 * event too long on its own is a clear error, not a crash. Pages are sized by their text, to
 * stay under the length past which JSON.parse allocates in V8's old generation. SQLite only
 * (its own file, whatever TEST_DATABASE_URL says): PostgreSQL reads rows, not texts.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';
import { closeDb, getDb } from '../db/client';
import { ingestUpload } from '../ingest/ingest-upload';
import { createIncident } from './create-incident';
import { FULL_LAYOUT, PAGE_BOUNDS, parseFilledColumns, SOURCE_EVENT_COLUMNS, sourceEventLayout, type PageBounds, type SourceEventArray, type SourceEventLayout } from './source-event-columns';
import { listSourceEvents } from './list-source-events';
import { nextPageTake, readSqlitePage, readSqlitePages } from './sqlite-event-pages';
import { PAGE_TEXT_TARGET } from './source-event-columns';
import { eventOwner } from '../db/event-owner';
import type { EventOwner } from '../db/event-row';

// Worker threads started by the code under test, counted: a page worker costs a thread and its
// start (modules loaded again), which a small source should not pay.
const started = vi.hoisted(() => ({ workers: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      started.workers++;
    }
  }
  return { ...actual, Worker: CountedWorker };
});

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-sqlite-event-pages-'));
process.env.DATABASE_URL = `file:${path.join(tmp, 'pages.db')}`;
process.env.BLOB_DIR = path.join(tmp, 'blobs');

let sourceId = '';
let owner: EventOwner;
/** The source's layout: what listSourceEvents reads it in. */
let layout: SourceEventLayout;

beforeAll(async () => {
  const incident = await createIncident({ name: 'pages' });
  // HAR entries: events of very different sizes (response bodies in their attributes).
  const result = await ingestUpload({ incidentId: incident.id, name: 'safari.har', body: createReadStream(corpusPath('har/safari.har')), redact: false });
  expect(result.ok).toBe(true);
  if (result.ok) sourceId = result.source.id;
  owner = (await eventOwner((await getDb()).prisma, sourceId))!;
  const { filledColumns } = await (await getDb()).prisma.source.findUniqueOrThrow({ where: { id: sourceId }, select: { filledColumns: true } });
  layout = sourceEventLayout(parseFilledColumns(filledColumns));
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

async function readAll(take: number, bounds: PageBounds): Promise<{ events: SourceEventArray[]; counts: number[] }> {
  const connection = (await getDb()).sqliteConnection()!;
  const events: SourceEventArray[] = [];
  const counts: number[] = [];
  for (let after = -1; ; ) {
    const page = readSqlitePage(connection, owner, layout.columns, after, take, bounds);
    if (page === null) break;
    const parsed = JSON.parse(page.text) as SourceEventArray[];
    expect(parsed).toHaveLength(page.count);
    expect(page.text.length).toBeLessThanOrEqual(page.count === 1 ? bounds.eventChars : bounds.pageChars);
    events.push(...parsed);
    counts.push(page.count);
    after = page.last;
    if (page.end) break;
  }
  return { events, counts };
}

describe('readSqlitePage', () => {
  it('cuts a page that would be too long into smaller ones, losing and repeating nothing', async () => {
    const whole = await readAll(1000, PAGE_BOUNDS);
    expect(whole.counts).toHaveLength(1);
    const total = whole.events.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    // A quarter of what the events weigh: at least four pages (an event bigger alone comes alone).
    const cut = await readAll(1000, { pageChars: Math.ceil(total / 4), eventChars: PAGE_BOUNDS.eventChars });
    expect(cut.counts.length).toBeGreaterThanOrEqual(4);
    expect(cut.events).toEqual(whole.events);
    expect(cut.events.map((e) => e[layout.at.seq])).toEqual(whole.events.map((_, i) => i));
  });

  it('is how listSourceEvents cuts its pages, on its own thread and on the worker', async () => {
    const db = await getDb();
    const whole = await readAll(1000, PAGE_BOUNDS);
    const total = whole.events.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    for (const worker of [true, false]) {
      const sizes: number[] = [];
      const listed: unknown[] = [];
      // At most 4 events a page: the first 4 are read on this thread, the other 15 by the worker.
      for await (const page of listSourceEvents(db, sourceId, { pageSize: 4, worker, bounds: { pageChars: Math.ceil(total / 4), eventChars: PAGE_BOUNDS.eventChars } })) {
        sizes.push(page.events.length);
        listed.push(...page.events.map((e) => e[page.layout.at.seq]));
      }
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      expect(listed).toEqual(whole.events.map((e) => e[layout.at.seq]));
    }
  });

  it('sizes pages by their text: near PAGE_TEXT_TARGET characters, under the 100 KiB where JSON.parse pretenures', async () => {
    const incident = await createIncident({ name: 'small events' });
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ ts: new Date(Date.UTC(2026, 10, 20) + i).toISOString(), level: 'info', service: 'cart-api', request_id: `req-${i}`, msg: 'handled', item_id: i % 97 }),
    );
    const result = await ingestUpload({ incidentId: incident.id, name: 'small.jsonl', body: Readable.from([lines.join('\n') + '\n']), redact: false });
    expect(result.ok).toBe(true);
    const db = await getDb();
    const small = (await eventOwner(db.prisma, result.ok ? result.source.id : ''))!;
    const pages = [...readSqlitePages(db.sqliteConnection()!, small, SOURCE_EVENT_COLUMNS, -1, 5000, Infinity, PAGE_BOUNDS)];
    const seqs = pages.flatMap((page) => (JSON.parse(page.text) as SourceEventArray[]).map((e) => e[FULL_LAYOUT.at.seq]));
    expect(seqs).toEqual(lines.map((_, i) => i));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect(page.text.length).toBeLessThan(100 * 1024);
    // Sized from the page before: all but the first (a guess) and the last (the rest) come near the target.
    for (const page of pages.slice(1, -1)) expect(page.text.length).toBeGreaterThan(PAGE_TEXT_TARGET * 0.8);
  });

  it('asks for as many events as the last page says fit, from 1 to the page size', () => {
    expect(nextPageTake(null, 5000)).toBeLessThan(5000);
    expect(nextPageTake(null, 10)).toBe(10);
    expect(nextPageTake({ count: 100, chars: PAGE_TEXT_TARGET / 2 }, 5000)).toBe(200);
    expect(nextPageTake({ count: 100, chars: PAGE_TEXT_TARGET / 2 }, 150)).toBe(150);
    expect(nextPageTake({ count: 1, chars: PAGE_TEXT_TARGET * 40 }, 5000)).toBe(1);
  });

  it('reads a source of at most pageSize events without starting a worker, and starts one past it', async () => {
    const db = await getDb();
    const count = async (pageSize: number) => {
      started.workers = 0;
      let events = 0;
      for await (const page of listSourceEvents(db, sourceId, { pageSize })) events += page.events.length;
      expect(events).toBe(19);
      return started.workers;
    };
    expect(await count(1000)).toBe(0);
    expect(await count(19)).toBe(0);
    expect(await count(4)).toBe(1);
  });

  it('refuses an event too long on its own, naming it', async () => {
    const connection = (await getDb()).sqliteConnection()!;
    expect(() => readSqlitePage(connection, owner, layout.columns, -1, 10, { pageChars: 10, eventChars: 10 })).toThrow(/record 0 of this source is too large to analyze/);
  });
});
