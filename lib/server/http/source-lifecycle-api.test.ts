/**
 * A source after its first parse, through the real route handlers and a real SQLite file:
 * re-parsing from the stored bytes (`POST /api/sources/{id}/reparse`), and a multipart upload
 * whose request body breaks off in the middle of the file part.
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as reparseRoute from '@/app/api/sources/[id]/reparse/route';
import { eventPageDtoSchema } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { type SourceDto, sourceDtoSchema } from '@/lib/schemas/source';
import { closeDb, getDb } from '../db/client';
import { eventOwner } from '../db/event-owner';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const WITHREQ = readFileSync(path.join(CORPUS, 'logs/withreq.log'));
const REQ_ID = 'cce79d15-ffc2-487c-a4e4-e940bdaac31e';
const BASE = 'http://witness.test';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-lifecycle-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'source-lifecycle-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
let incidentId = '';

function rawUpload(name: string, body: BodyInit): Promise<Response> {
  const url = `${BASE}/api/incidents/${incidentId}/sources?name=${encodeURIComponent(name)}`;
  return sourcesRoute.POST(new Request(url, { method: 'POST', body, duplex: 'half' } as RequestInit), ctx(incidentId));
}

function reparse(id: string): Promise<Response> {
  return reparseRoute.POST(new Request(`${BASE}/api/sources/${id}/reparse`, { method: 'POST' }), ctx(id));
}

async function requestEvents(request: string): Promise<number> {
  const response = await eventsRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/events?request=${request}`), ctx(incidentId));
  expect(response.status).toBe(200);
  return eventPageDtoSchema.parse(await response.json()).events.length;
}

async function stored(sourceId: string): Promise<{ events: number; keys: number; diagnostics: number }> {
  const { prisma } = await getDb();
  const events = await prisma.event.findMany({ where: (await eventOwner(prisma, sourceId))!, select: { id: true } });
  const keys = await prisma.eventKey.count({ where: { eventId: { in: events.map((e) => e.id) } } });
  return { events: events.length, keys, diagnostics: await prisma.diagnostic.count({ where: { sourceId } }) };
}

beforeAll(async () => {
  const response = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'lifecycle' }) }), {
    params: Promise.resolve({}),
  });
  incidentId = incidentDtoSchema.parse(await response.json()).id;
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('re-parsing a source', () => {
  it('parses the stored bytes again: same events, keys and diagnostics, ready again', async () => {
    const text = `${WITHREQ.toString('utf8').trimEnd()}\nnot json at all\n`;
    const uploaded = await rawUpload('withreq.log', text);
    expect(uploaded.status).toBe(201);
    const first = sourceDtoSchema.parse(await uploaded.json());
    const before = await stored(first.id);
    expect(before).toMatchObject({ events: 4, diagnostics: 1 });
    expect(before.keys).toBeGreaterThan(0);
    const matches = await requestEvents(REQ_ID);
    expect(matches).toBeGreaterThan(0);

    const response = await reparse(first.id);
    expect(response.status).toBe(200);
    const again = sourceDtoSchema.parse(await response.json());
    expect(again).toMatchObject({ id: first.id, status: 'ready', error: null, format: 'jsonl', events: 4, unparsed: 1, position: first.position });
    expect(again.firstTime).toBe(first.firstTime);
    expect(await stored(first.id)).toEqual(before); // the old rows were replaced, not added to
    expect(await requestEvents(REQ_ID)).toBe(matches); // request keys rebuilt
  });

  it('fails again, with the same message, a source whose bytes cannot be evidence', async () => {
    const uploaded = await rawUpload('empty.log', new Uint8Array());
    const { source } = (await uploaded.json()) as { source: SourceDto };
    const response = await reparse(source.id);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { message: string }; source: SourceDto };
    expect(body.source.status).toBe('failed');
    expect(body.error.message).toBe('empty.log is empty (0 bytes): nothing to ingest');
  });

  it('answers 404 for an unknown source and 409 for one still being ingested', async () => {
    expect((await reparse('NoSuchSource1')).status).toBe(404);
    const uploaded = sourceDtoSchema.parse(await (await rawUpload('again.log', WITHREQ)).json());
    const { prisma } = await getDb();
    await prisma.source.update({ where: { id: uploaded.id }, data: { status: 'parsing' } });
    try {
      expect((await reparse(uploaded.id)).status).toBe(409);
    } finally {
      await prisma.source.update({ where: { id: uploaded.id }, data: { status: 'ready' } });
    }
  });
});

describe('a multipart upload cut off midway', () => {
  it('fails the source as interrupted and keeps none of its events', async () => {
    const boundary = 'witness-test-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.log"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    // Many complete lines first, so the file part is well under way when the body breaks.
    const lines = Buffer.from(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ time: '2026-01-01T00:00:00Z', msg: `line ${i}`, request_id: 'cut-req' })).join('\n'));
    // Pulled one piece at a time: erroring at once would discard the queued pieces unread.
    const pieces = [new TextEncoder().encode(head), lines.subarray(0, lines.length / 4), lines.subarray(lines.length / 4, lines.length / 2)];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const piece = pieces.shift();
        if (piece) controller.enqueue(piece);
        else {
          await new Promise((resolve) => setTimeout(resolve, 20)); // busboy has emitted the file part by now
          controller.error(new Error('connection reset by peer'));
        }
      },
    });
    const request = new Request(`${BASE}/api/incidents/${incidentId}/sources`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    const response = await sourcesRoute.POST(request, ctx(incidentId));
    expect(response.status).toBe(400);
    const { error, source } = (await response.json()) as { error: { code: string; message: string }; source: SourceDto };
    expect(error.code).toBe('upload_interrupted');
    expect(source.status).toBe('failed');
    expect(source.error).toMatch(/^cut\.log: the upload was interrupted before all bytes arrived/);
    expect(source.events).toBe(0);
    expect(await stored(source.id)).toEqual({ events: 0, keys: 0, diagnostics: 0 });
    expect(await requestEvents('cut-req')).toBe(0);
  });
});
