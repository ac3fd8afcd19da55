/**
 * The upload journey through the real route handlers, the real parsers and a real SQLite file in
 * a temp directory: create an incident, upload evidence in every way the API accepts, read it
 * back, and check that every failure leaves a failed source with no events.
 *
 * Route modules are imported from app/ on purpose, to exercise the HTTP shims; vitest only
 * collects lib/** tests today. Move this file to app/api/ once vitest includes app/**.
 */
/* eslint-disable no-restricted-imports -- see above: the one test that drives the route handlers */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as incidentRoute from '@/app/api/incidents/[id]/route';
import * as facetsRoute from '@/app/api/incidents/[id]/events/facets/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as rawRoute from '@/app/api/sources/[id]/raw/route';
import * as sourceRoute from '@/app/api/sources/[id]/route';
import { eventPageDtoSchema, type EventDto, eventFacetsDtoSchema } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { type SourceDto, sourceDtoSchema } from '@/lib/schemas/source';
import { closeDb, getDb } from '../db/client';
import { STALE_AFTER_MS } from '../ingest/ingest-heartbeat';
import { recoverInterruptedSources } from '../ingest/recover-interrupted';
import { INTERRUPTED_ERROR } from '../ingest/source-status';
import { requireIncidentNumber } from '../db/incident-number';
import { eventOwner } from '../db/event-owner';

const hooks = vi.hoisted(() => ({ afterInsert: null as null | (() => void) }));
vi.mock('@/lib/server/db/bulk-insert', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/db/bulk-insert')>();
  return {
    ...original,
    insertEventRows: async (...args: Parameters<typeof original.insertEventRows>) => {
      await original.insertEventRows(...args);
      hooks.afterInsert?.();
    },
  };
});

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const WITHREQ = readFileSync(path.join(CORPUS, 'logs/withreq.log'));
const CHROME_HAR = readFileSync(path.join(CORPUS, 'har/chrome.har'));
const REQ_ID = 'cce79d15-ffc2-487c-a4e4-e940bdaac31e';
const BASE = 'http://witness.test';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-api-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'upload-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let incidentId = '';
const uploaded: SourceDto[] = [];

function rawUpload(name: string, body: BodyInit, init: RequestInit = {}, query = ''): Promise<Response> {
  const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=${encodeURIComponent(name)}${query}`, {
    method: 'POST',
    body,
    duplex: 'half',
    ...init,
  } as RequestInit);
  return sourcesRoute.POST(request, ctx(incidentId));
}

async function listEvents(query: string): Promise<{ events: EventDto[]; nextCursor: string | null }> {
  const response = await eventsRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/events?${query}`), ctx(incidentId));
  expect(response.status).toBe(200);
  return eventPageDtoSchema.parse(await response.json());
}

async function failedUpload(response: Response, status = 422): Promise<{ error: { code: string; message: string }; source: SourceDto }> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string }; source: unknown };
  const source = sourceDtoSchema.parse(body.source);
  expect(source.status).toBe('failed');
  expect(source.error).toBe(body.error.message);
  expect(source.events).toBe(0);
  return { error: body.error, source };
}

async function storedEventCount(sourceId: string): Promise<number> {
  const { prisma } = await getDb();
  return prisma.event.count({ where: (await eventOwner(prisma, sourceId))! });
}

beforeAll(async () => {
  const response = await incidentsRoute.POST(
    new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'checkout outage' }) }),
    { params: Promise.resolve({}) },
  );
  expect(response.status).toBe(201);
  const incident = incidentDtoSchema.parse(await response.json());
  expect(incident.id).toMatch(/^[0-9A-Za-z]{12}$/);
  incidentId = incident.id;
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('incident API', () => {
  it('rejects an incident without a name with the issues', async () => {
    const response = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: '{"name":"  "}' }), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues[0]?.path).toBe('body.name');
  });

  it('answers 404 for an unknown incident and 400 for a malformed id', async () => {
    const missing = await incidentRoute.GET(new Request(`${BASE}/api/incidents/NoSuchIncident`), ctx('NoSuchIncident'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await incidentRoute.GET(new Request(`${BASE}/api/incidents/x`), ctx('../x'))).status).toBe(400);
  });
});

describe('uploading evidence', () => {
  it('ingests a JSON-lines log sent as multipart/form-data', async () => {
    const form = new FormData();
    form.append('file', new File([WITHREQ], 'withreq.log'));
    const response = await sourcesRoute.POST(new Request(`${BASE}/api/incidents/${incidentId}/sources`, { method: 'POST', body: form }), ctx(incidentId));
    expect(response.status).toBe(201);
    const source = sourceDtoSchema.parse(await response.json());
    expect(source).toMatchObject({ name: 'withreq.log', position: 0, format: 'jsonl', status: 'ready', error: null, events: 3, unparsed: 0 });
    // Redaction is on by default and found nothing here: the bytes stay exactly as sent.
    expect(source).toMatchObject({ redacted: true, redactions: {} });
    expect(source.sizeBytes).toBe(WITHREQ.length);
    expect(source.parsedBytes).toBe(WITHREQ.length);
    expect(source.sha256).toBe(sha256(WITHREQ));
    // The range covers intervals: the line at .637 with `latency: 3` began at .634.
    expect(source.firstTime).toBe('2012-08-08T10:25:47.634Z');
    expect(source.lastTime).toBe('2012-08-08T10:25:47.637Z');
    expect(source.services.length).toBeGreaterThan(0);
    uploaded.push(source);
  });

  // redact=0: this HAR carries a cookie, and the download below must be the file as sent (redaction: redaction-api.test.ts).
  it('ingests a HAR sent as the raw body', async () => {
    const response = await rawUpload('chrome.har', CHROME_HAR, {}, '&redact=0');
    expect(response.status).toBe(201);
    const source = sourceDtoSchema.parse(await response.json());
    const entries = (JSON.parse(CHROME_HAR.toString('utf8').replace(/^\uFEFF/, '')) as { log: { entries: unknown[] } }).log.entries.length;
    expect(source).toMatchObject({ name: 'chrome.har', position: 1, format: 'har', status: 'ready', events: entries, redacted: false, redactions: {} });
    uploaded.push(source);
  });

  it('ingests gzip transparently and keeps the compressed bytes', async () => {
    const gz = gzipSync(WITHREQ);
    const response = await rawUpload('withreq.log.gz', gz);
    expect(response.status).toBe(201);
    const source = sourceDtoSchema.parse(await response.json());
    expect(source).toMatchObject({ format: 'jsonl', compressed: true, events: 3, sizeBytes: gz.length, parsedBytes: WITHREQ.length, sha256: sha256(gz) });
    const raw = await rawRoute.GET(new Request(`${BASE}/api/sources/${source.id}/raw`), ctx(source.id));
    expect(sha256(new Uint8Array(await raw.arrayBuffer()))).toBe(sha256(gz));
    uploaded.push(source);
  });

  it('fails an empty upload with a clear error', async () => {
    const { source } = await failedUpload(await rawUpload('empty.log', new Uint8Array()));
    expect(source.error).toBe('empty.log is empty (0 bytes): nothing to ingest');
  });

  it('fails an unknown format, naming the file and what was tried', async () => {
    const { error } = await failedUpload(await rawUpload('notes.txt', 'just some words\nwithout any structure\n'));
    expect(error.code).toBe('unprocessable_evidence');
    expect(error.message).toMatch(/^notes\.txt: format not recognized; tried .*JSON lines/);
  });

  it('fails a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const { source } = await failedUpload(await rawUpload('screenshot.png', png));
    expect(source.error).toMatch(/^screenshot\.png is a binary file/);
  });

  it('fails an upload whose body breaks off midway, keeping nothing of it', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(WITHREQ.subarray(0, 1000));
        controller.error(new Error('connection reset by peer'));
      },
    });
    const { source } = await failedUpload(await rawUpload('broken.log', body), 400);
    expect(source.error).toMatch(/^broken\.log: the upload was interrupted/);
    expect(await storedEventCount(source.id)).toBe(0);
    const raw = await rawRoute.GET(new Request(`${BASE}/api/sources/${source.id}/raw`), ctx(source.id));
    expect(raw.status).toBe(404);
  });

  it('fails an upload shorter than its Content-Length', async () => {
    const { source } = await failedUpload(await rawUpload('short.log', WITHREQ.subarray(0, 500), { headers: { 'content-length': String(WITHREQ.length) } }), 400);
    expect(source.error).toMatch(/interrupted after 500 of 1997 bytes/);
  });

  it('fails an upload aborted by the client while parsing, deleting the events already written', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), level: 'info', msg: `line ${i}` }));
    const controller = new AbortController();
    let inserted = 0;
    hooks.afterInsert = () => {
      inserted++;
      controller.abort();
    };
    try {
      const { source } = await failedUpload(await rawUpload('aborted.jsonl', lines.join('\n'), { signal: controller.signal }), 400);
      expect(inserted).toBeGreaterThan(0); // events were written before the abort...
      expect(await storedEventCount(source.id)).toBe(0); // ...and are gone
      expect(source.error).toMatch(/^aborted\.jsonl: ingest aborted/);
    } finally {
      hooks.afterInsert = null;
    }
  });
});

describe('reading evidence back', () => {
  it('counts only ready sources', async () => {
    const response = await incidentRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}`), ctx(incidentId));
    const incident = incidentDtoSchema.parse(await response.json());
    expect(incident.events).toBe(uploaded.reduce((sum, s) => sum + s.events, 0));
    expect(incident.sources).toBeGreaterThan(uploaded.length); // the failed ones are listed too
    const list = (await (await sourcesRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/sources`), ctx(incidentId))).json()) as { sources: SourceDto[] };
    expect(list.sources.map((s) => s.position)).toEqual(list.sources.map((_, i) => i));
  });

  it('lists events of ready sources in timeline order: ts, then source position, then seq; no ts last', async () => {
    const { events, nextCursor } = await listEvents('limit=1000');
    expect(nextCursor).toBeNull();
    expect(events).toHaveLength(uploaded.reduce((sum, s) => sum + s.events, 0));
    expect(new Set(events.map((e) => e.sourceId))).toEqual(new Set(uploaded.map((s) => s.id)));
    const position = new Map(uploaded.map((s) => [s.id, s.position]));
    const key = (e: EventDto) => [e.ts ?? Infinity, position.get(e.sourceId) ?? -1, e.seq];
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [key(events[i - 1]!), key(events[i]!)];
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(cmp).toBeLessThan(0);
    }
    const first = events.find((e) => e.source === 'withreq.log');
    expect(first).toMatchObject({ locator: { line: 1 }, time: '2012-08-08T10:25:47.636Z', ids: { requestId: REQ_ID } });
  });

  it('pages through every event with the cursor, without gaps or repeats', async () => {
    const all = (await listEvents('limit=1000')).events.map((e) => e.id);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { events: EventDto[]; nextCursor: string | null } = await listEvents(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.events.length).toBeLessThanOrEqual(2);
      paged.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('filters by request id (request, correlation or trace id), source and text', async () => {
    const byRequest = await listEvents(`request=${REQ_ID}`);
    expect(byRequest.events).toHaveLength(6); // withreq.log and its gzip twin
    expect(byRequest.events.every((e) => e.ids.requestId === REQ_ID)).toBe(true);
    const oneSource = await listEvents(`request=${REQ_ID}&source=${uploaded[0]!.id}`);
    expect(oneSource.events).toHaveLength(3);
    const text = await listEvents('q=HEADAGENTPROBES%20HANDLED');
    expect(text.events.length).toBeGreaterThan(0);
    expect(text.events.every((e) => /headagentprobes handled/i.test(`${e.message} ${e.raw}`))).toBe(true);
    expect((await listEvents('unparsed=1')).events).toHaveLength(0);
  });

  it('rejects a forged cursor and a limit over 1000', async () => {
    const bad = await eventsRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/events?cursor=bm9wZQ`), ctx(incidentId));
    expect(bad.status).toBe(400);
    const big = await eventsRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/events?limit=5000`), ctx(incidentId));
    expect(big.status).toBe(400);
  });

  it('offers facets for the filters', async () => {
    const response = await facetsRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/events/facets`), ctx(incidentId));
    const facets = eventFacetsDtoSchema.parse(await response.json());
    const { events } = await listEvents('limit=1000');
    expect(new Set(facets.services)).toEqual(new Set(events.map((e) => e.service).filter((s) => s !== null)));
    expect(facets.levels).toEqual([...new Set(events.map((e) => e.level).filter((l) => l !== null))].sort());
  });

  it('serves a source with its progress, and its original bytes', async () => {
    const source = uploaded[1]!;
    const polled = sourceDtoSchema.parse(await (await sourceRoute.GET(new Request(`${BASE}/api/sources/${source.id}`), ctx(source.id))).json());
    expect(polled).toMatchObject({ id: source.id, status: 'ready', events: source.events });
    const raw = await rawRoute.GET(new Request(`${BASE}/api/sources/${source.id}/raw`), ctx(source.id));
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-disposition')).toContain('filename="chrome.har"');
    expect(sha256(new Uint8Array(await raw.arrayBuffer()))).toBe(sha256(CHROME_HAR));
  });
});

describe('restart', () => {
  it('fails sources a dead process left parsing, removing their partial events, and leaves live ingests alone', async () => {
    const { prisma } = await getDb();
    // Silent for longer than the stale limit: its process is gone.
    const silentSince = new Date(Date.now() - STALE_AFTER_MS - 5_000);
    await prisma.source.create({ data: { id: 'StuckSource0001', incidentId, name: 'stuck.log', position: 99, status: 'parsing', eventCount: 1 } });
    await prisma.source.update({ where: { id: 'StuckSource0001' }, data: { updatedAt: silentSince } });
    const number = await requireIncidentNumber(prisma, incidentId);
    await prisma.event.create({ data: { incidentNumber: number, position: 99, seq: 0, raw: 'partial' } });
    // Beating a moment ago: another instance is ingesting it right now.
    await prisma.source.create({ data: { id: 'LiveSource00001', incidentId, name: 'live.log', position: 98, status: 'parsing', eventCount: 1 } });
    await prisma.event.create({ data: { incidentNumber: number, position: 98, seq: 0, raw: 'in progress' } });
    await closeDb(); // this process "dies"; the next use opens the database again
    const source = sourceDtoSchema.parse(await (await sourceRoute.GET(new Request(`${BASE}/api/sources/StuckSource0001`), ctx('StuckSource0001'))).json());
    expect(source).toMatchObject({ status: 'failed', error: INTERRUPTED_ERROR, events: 0 });
    expect(await storedEventCount('StuckSource0001')).toBe(0);
    const live = sourceDtoSchema.parse(await (await sourceRoute.GET(new Request(`${BASE}/api/sources/LiveSource00001`), ctx('LiveSource00001'))).json());
    expect(live.status).toBe('parsing');
    expect(await storedEventCount('LiveSource00001')).toBe(1);
    // Once it stops beating, a sweep (at start or on the timer) fails it as well.
    await prisma.source.update({ where: { id: 'LiveSource00001' }, data: { updatedAt: silentSince } });
    const db = await getDb();
    expect(await recoverInterruptedSources(db.prisma, db.dialect)).toBe(1);
    expect((await db.prisma.source.findUniqueOrThrow({ where: { id: 'LiveSource00001' } })).status).toBe('failed');
    // Events have no foreign key to cascade through (schema.prisma): they go first, by hand.
    await db.prisma.event.deleteMany({ where: { incidentNumber: await requireIncidentNumber(db.prisma, incidentId), position: { in: [98, 99] } } });
    await db.prisma.source.deleteMany({ where: { id: { in: ['StuckSource0001', 'LiveSource00001'] } } });
  });
});

describe('year-less timestamps', () => {
  it('dates RFC 3164 syslog by the upload time and says which year it assumed', async () => {
    const created = await incidentsRoute.POST(
      new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'syslog' }) }),
      { params: Promise.resolve({}) },
    );
    const incident = incidentDtoSchema.parse(await created.json());
    const request = new Request(`${BASE}/api/incidents/${incident.id}/sources?name=RFC3164`, {
      method: 'POST',
      body: readFileSync(path.join(CORPUS, 'logs/RFC3164')),
    });
    const response = await sourcesRoute.POST(request, ctx(incident.id));
    expect(response.status).toBe(201);
    const source = sourceDtoSchema.parse(await response.json());
    // `Feb  4 11:14:27`: the most recent Feb 4 at or before a day after the upload.
    const uploadedAt = Date.parse(source.createdAt);
    let year = new Date(uploadedAt).getUTCFullYear();
    if (Date.UTC(year, 1, 4, 11, 14, 27) > uploadedAt + 86_400_000) year--;
    expect(source.firstTime).toBe(`${year}-02-04T11:14:27.000Z`);
    expect(source.diagnostics?.map((d) => d.code)).toEqual(['year-less-timestamp']);
    expect(source.diagnostics?.[0]?.message).toContain(`dated ${year}`);
    expect(source.diagnostics?.[0]?.message).toContain('when the file was uploaded');
  });
});
