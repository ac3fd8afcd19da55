/**
 * Two app instances on one database (issue 6): two separate Db handles, each its own Prisma
 * client and connections, as two processes would have. What one instance writes (an upload: its
 * events, keys and original bytes, the report cache) the other reads back the same, and the
 * other way round. On SQLite both handles open the same file; with TEST_DATABASE_URL
 * (`npm run test:postgres`) they share one PostgreSQL database, which is the deployment this is
 * about. Blobs live in BLOB_DIR, which instances must share (README, Configuration).
 *
 * The route handlers use the process's handle (getDb()); `use(handle)` switches which instance
 * answers, without closing the other.
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as reportRoute from '@/app/api/incidents/[id]/report/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as rawRoute from '@/app/api/sources/[id]/raw/route';
import { DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, generateDemo } from '@/lib/domain/demo';
import { eventPageDtoSchema } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { sourceDtoSchema } from '@/lib/schemas/source';
import { type Db, closeDb, getDb } from '../db/client';

const BASE = 'http://witness.test';
const tmp = mkdtempSync(path.join(tmpdir(), 'witness-two-instances-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'two-instances');
process.env.BLOB_DIR = path.join(tmp, 'blobs');
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

const demo = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
const story = demo.expectations.stories.find((s) => s.files.length >= 2 && s.files.length <= 3)!;
const fileText = new Map(demo.files.map((f) => [f.name, f.text]));

const cache = globalThis as typeof globalThis & { __witnessDb?: Promise<Db> };
let first: Db;
let second: Db;
function use(handle: Db): void {
  cache.__witnessDb = Promise.resolve(handle);
}

async function upload(id: string, name: string, text: string) {
  const request = new Request(`${BASE}/api/incidents/${id}/sources?name=${encodeURIComponent(name)}`, { method: 'POST', body: text });
  const response = await sourcesRoute.POST(request, ctx(id));
  expect(response.status).toBe(201);
  return sourceDtoSchema.parse(await response.json());
}

async function allEvents(id: string): Promise<unknown[]> {
  const events: unknown[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=500&cursor=${encodeURIComponent(cursor)}` : '?limit=500';
    const response = await eventsRoute.GET(new Request(`${BASE}/api/incidents/${id}/events${query}`), ctx(id));
    expect(response.status).toBe(200);
    const page = eventPageDtoSchema.parse(await response.json());
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

async function report(id: string): Promise<{ text: string; origin: string | null }> {
  const response = await reportRoute.GET(new Request(`${BASE}/api/incidents/${id}/report`), ctx(id));
  expect(response.status).toBe(200);
  return { text: await response.text(), origin: response.headers.get('x-witness-analysis') };
}

beforeAll(async () => {
  first = await getDb();
  cache.__witnessDb = undefined;
  second = await getDb(); // a second client, as a second process opening the same database
  expect(second.prisma).not.toBe(first.prisma);
});

afterAll(async () => {
  await first.prisma.$disconnect();
  await second.prisma.$disconnect();
  cache.__witnessDb = undefined;
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('two instances on one database', () => {
  it('serve the same incident: events, original bytes and report written by one are read by the other', async () => {
    use(first);
    const created = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'shared' }) }), {
      params: Promise.resolve({}),
    });
    const incidentId = incidentDtoSchema.parse(await created.json()).id;
    const [firstFile, ...otherFiles] = story.files;
    const uploaded = [await upload(incidentId, firstFile!, fileText.get(firstFile!)!)];
    use(second);
    for (const name of otherFiles) uploaded.push(await upload(incidentId, name, fileText.get(name)!));

    // Events: the same pages from either instance, every uploaded event present.
    use(first);
    const fromFirst = await allEvents(incidentId);
    use(second);
    const fromSecond = await allEvents(incidentId);
    expect(fromSecond).toEqual(fromFirst);
    expect(fromFirst.length).toBe(uploaded.reduce((sum, s) => sum + s.events, 0));
    expect(fromFirst.length).toBeGreaterThan(0);

    // Original bytes: each source's from the instance that did not receive it.
    for (const [i, source] of uploaded.entries()) {
      use(i === 0 ? second : first);
      const raw = await rawRoute.GET(new Request(`${BASE}/api/sources/${source.id}/raw`), ctx(source.id));
      expect(raw.status).toBe(200);
      expect(await raw.text()).toBe(fileText.get(source.name));
    }

    // Report: computed by one, served from the shared cache by the other, byte for byte.
    use(first);
    const computed = await report(incidentId);
    expect(computed.origin).toBe('computed');
    use(second);
    const cached = await report(incidentId);
    expect(cached.origin).toBe('cache');
    expect(cached.text).toBe(computed.text);
  });
});
