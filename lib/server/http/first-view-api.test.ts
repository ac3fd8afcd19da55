/**
 * The first view of a big upload, through the real route handlers and a real database: while the
 * source is still being parsed, the events committed so far are listed (also by request id,
 * before its request keys exist), and the evidence overview counts them per time column; once
 * it is ready, the overview counts every timed event and the errors among them.
 *
 * The ingest is held after its second write (a hook on the bulk insert awaits the checks), so
 * "while parsing" is a fixed point of the ingest, not a race. The same hook counts the rows of
 * each transaction of an upload of fat rows. Route modules are imported from
 * app/ on purpose, as in upload-api.test.ts.
 */
/* eslint-disable no-restricted-imports -- see above: drives the route handlers */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as overviewRoute from '@/app/api/incidents/[id]/overview/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import { eventPageDtoSchema } from '@/lib/schemas/event';
import { type EvidenceOverviewDto, evidenceOverviewDtoSchema } from '@/lib/schemas/evidence-overview';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { sourceDtoSchema } from '@/lib/schemas/source';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { closeDb, getDb } from '../db/client';
import { requireIncidentNumber } from '../db/incident-number';

const hooks = vi.hoisted(() => ({ afterInsert: null as null | ((call: number) => Promise<void>), calls: 0 }));
vi.mock('@/lib/server/db/bulk-insert', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/db/bulk-insert')>();
  return {
    ...original,
    insertEventRows: async (...args: Parameters<typeof original.insertEventRows>) => {
      await original.insertEventRows(...args);
      await hooks.afterInsert?.(++hooks.calls);
    },
  };
});

const BASE = 'http://witness.test';
const LINES = 30_000;
const START = Date.UTC(2026, 10, 20, 10, 0, 0);

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-first-view-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'first-view');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
let incidentId = '';

/** One line every 10 ms, ten lines a request; every 100th line an error. */
function line(i: number): string {
  return JSON.stringify({ ts: new Date(START + i * 10).toISOString(), level: i % 100 === 0 ? 'error' : 'info', request_id: `req-${Math.floor(i / 10)}`, msg: `step ${i}` });
}

async function getJson(route: { GET: (r: Request, c: ReturnType<typeof ctx>) => Promise<Response> }, query: string, url = 'events'): Promise<unknown> {
  const response = await route.GET(new Request(`${BASE}/api/incidents/${incidentId}/${url}${query}`), ctx(incidentId));
  expect(response.status).toBe(200);
  return response.json();
}

const overview = async (): Promise<EvidenceOverviewDto> => evidenceOverviewDtoSchema.parse(await getJson(overviewRoute, '?columns=30', 'overview'));

beforeAll(async () => {
  const response = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'first view' }) }), { params: Promise.resolve({}) });
  incidentId = incidentDtoSchema.parse(await response.json()).id;
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('transactions of fat rows', () => {
  it('are cut by the text they hold, not only by their row count', async () => {
    // 12,000 rows of ~2,000 characters: 5,000-row parse batches of ~10M characters each, over
    // TRANSACTION_CHARS, so every batch is its own transaction.
    const created = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'fat rows' }) }), { params: Promise.resolve({}) });
    const fatIncident = incidentDtoSchema.parse(await created.json()).id;
    const sizes: number[] = [];
    hooks.afterInsert = async () => {
      const { prisma } = await getDb();
      sizes.push(await prisma.event.count({ where: { incidentNumber: await requireIncidentNumber(prisma, fatIncident) } }));
    };
    try {
      const pad = 'x'.repeat(2000);
      const body = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ ts: new Date(START + i).toISOString(), msg: `${i} ${pad}` })).join('\n');
      const request = new Request(`${BASE}/api/incidents/${fatIncident}/sources?name=fat.jsonl`, { method: 'POST', body, duplex: 'half' } as RequestInit);
      expect((await sourcesRoute.POST(request, ctx(fatIncident))).status).toBe(201);
    } finally {
      hooks.afterInsert = null;
    }
    // The first parse batch (a chunk's lines, 1,000 or more) is committed alone; later batches
    // hold about 5,000 rows (whole chunks' lines), ~10M characters, each a transaction of its
    // own. By rows alone everything after the first batch would be one transaction.
    const added = sizes.map((size, i) => size - (sizes[i - 1] ?? 0));
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...added)).toBeLessThan(6000);
    expect(sizes[sizes.length - 1]).toBe(12_000);
  });
});

describe('the first view while an upload is parsed', () => {
  it('lists the events committed so far and counts them in the overview; all of them once ready', async () => {
    const seenWhileParsing: { status: string; events: number; firstMessage: string; request: string[]; overview: EvidenceOverviewDto }[] = [];
    hooks.calls = 0;
    hooks.afterInsert = async (call) => {
      if (call !== 2) return;
      const { prisma } = await getDb();
      const source = await prisma.source.findFirstOrThrow({ where: { incidentId } });
      const page = eventPageDtoSchema.parse(await getJson(eventsRoute, '?limit=50'));
      const request = eventPageDtoSchema.parse(await getJson(eventsRoute, '?request=req-3'));
      seenWhileParsing.push({
        status: source.status,
        events: source.eventCount,
        firstMessage: page.events[0]?.message ?? '',
        request: request.events.map((e) => e.message ?? ''),
        overview: await overview(),
      });
    };
    try {
      const body = Array.from({ length: LINES }, (_, i) => line(i)).join('\n') + '\n';
      const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=big.jsonl`, { method: 'POST', body, duplex: 'half' } as RequestInit);
      const response = await sourcesRoute.POST(request, ctx(incidentId));
      expect(response.status).toBe(201);
      expect(sourceDtoSchema.parse(await response.json()).status).toBe('ready');
    } finally {
      hooks.afterInsert = null;
    }

    expect(seenWhileParsing).toHaveLength(1);
    const [during] = seenWhileParsing as [(typeof seenWhileParsing)[number]];
    expect(during.status).toBe('parsing');
    expect(during.events).toBeGreaterThan(0);
    expect(during.events).toBeLessThan(LINES);
    expect(during.firstMessage).toBe('step 0');
    // Found by its column, as its request keys are only written at the end.
    expect(during.request).toEqual(Array.from({ length: 10 }, (_, i) => `step ${30 + i}`));
    expect(during.overview.ingesting).toBe(1);
    expect(during.overview.timedEvents).toBeGreaterThan(0);
    expect(during.overview.timedEvents).toBeLessThanOrEqual(during.events);
    expect(during.overview.counts.reduce((a, b) => a + b, 0)).toBe(during.overview.timedEvents);

    const done = await overview();
    expect(done.ingesting).toBe(0);
    expect(done.timedEvents).toBe(LINES);
    expect(done.errors.reduce((a, b) => a + b, 0)).toBe(LINES / 100);
    expect(done.from).toBe(START);
    expect(done.to).toBe(START + Math.ceil((LINES * 10) / 1000) * 1000);
    expect(done.counts).toHaveLength(30);
    // 300 seconds in 30 columns of 10 s: 1,000 events each.
    expect(new Set(done.counts)).toEqual(new Set([1000]));
  });
});
