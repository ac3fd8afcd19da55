/**
 * A SQLite page of events is one JSON text, bounded in size: when the events would make it too
 * long, the page holds fewer of them, and nothing is lost or repeated across the cut pages. An
 * event too long on its own is a clear error, not a crash. SQLite only (its own file, whatever
 * TEST_DATABASE_URL says): PostgreSQL reads rows, not texts.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';
import { closeDb, getDb } from '../db/client';
import { ingestUpload } from '../ingest/ingest-upload';
import { createIncident } from './create-incident';
import { AT, PAGE_BOUNDS, type PageBounds, type SourceEventArray } from './source-event-columns';
import { listSourceEvents } from './list-source-events';
import { readSqlitePage } from './sqlite-event-pages';
import { eventOwner } from '../db/event-owner';
import type { EventOwner } from '../db/event-row';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-sqlite-event-pages-'));
process.env.DATABASE_URL = `file:${path.join(tmp, 'pages.db')}`;
process.env.BLOB_DIR = path.join(tmp, 'blobs');

let sourceId = '';
let owner: EventOwner;

beforeAll(async () => {
  const incident = await createIncident({ name: 'pages' });
  // HAR entries: events of very different sizes (response bodies in their attributes).
  const result = await ingestUpload({ incidentId: incident.id, name: 'safari.har', body: createReadStream(corpusPath('har/safari.har')), redact: false });
  expect(result.ok).toBe(true);
  if (result.ok) sourceId = result.source.id;
  owner = (await eventOwner((await getDb()).prisma, sourceId))!;
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
    const page = readSqlitePage(connection, owner, after, take, bounds);
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
    expect(cut.events.map((e) => e[AT.seq])).toEqual(whole.events.map((_, i) => i));
  });

  it('is how listSourceEvents cuts its pages, on its own thread and on the worker', async () => {
    const db = await getDb();
    const whole = await readAll(1000, PAGE_BOUNDS);
    const total = whole.events.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    for (const worker of [true, false]) {
      const sizes: number[] = [];
      const listed: SourceEventArray[] = [];
      for await (const page of listSourceEvents(db, sourceId, { pageSize: 1000, worker, bounds: { pageChars: Math.ceil(total / 4), eventChars: PAGE_BOUNDS.eventChars } })) {
        sizes.push(page.length);
        listed.push(...page);
      }
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      expect(listed.map((e) => e[AT.seq])).toEqual(whole.events.map((e) => e[AT.seq]));
    }
  });

  it('refuses an event too long on its own, naming it', async () => {
    const connection = (await getDb()).sqliteConnection()!;
    expect(() => readSqlitePage(connection, owner, -1, 10, { pageChars: 10, eventChars: 10 })).toThrow(/record 0 of this source is too large to analyze/);
  });
});
