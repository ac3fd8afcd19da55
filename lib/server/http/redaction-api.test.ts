/**
 * Redaction on upload through the real route handlers, the real parsers and a real SQLite file:
 * a corpus HAR carrying real cookies and cookie headers is stored without them (the downloaded
 * bytes, the events and a re-parse), with its counts on the source and the same events as the
 * file has; `redact=0` (query or multipart field) keeps the upload byte for byte.
 *
 * Route modules are imported from app/ on purpose, as in upload-api.test.ts.
 */
/* eslint-disable no-restricted-imports -- see above: drives the route handlers */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as rawRoute from '@/app/api/sources/[id]/raw/route';
import * as reparseRoute from '@/app/api/sources/[id]/reparse/route';
import { eventPageDtoSchema } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { type SourceDto, sourceDtoSchema } from '@/lib/schemas/source';
import { corpusPath } from '@/lib/test-support/corpus';
import { pendingBlobPath, parsedTextPath, writeBlob } from '../blob-store';
import { closeDb, getDb } from '../db/client';
import { STALE_AFTER_MS } from '../ingest/ingest-heartbeat';
import { recoverInterruptedSources } from '../ingest/recover-interrupted';

const HAR = readFileSync(corpusPath('har/timed_out.har'));
const HAR_ENTRIES = 33; // MANIFEST: 33 entries
/** Values the file really carries: a Cookie header's SID, a Set-Cookie value, a cookie of a `cookies` list. */
const SECRETS = ['YAieF18TdLas-8SKhGKNYvnieZbB1wJ1jf2tW44mAWYKcppPKLvK_Ok7NklKqsURxU82bg.', 'APoG2W-iL6dajbHxaPpDCCKGK_haMI_yLIk0HS3stRfrpNpVYNksjwy0MVEUqi_Q7us9qg4V4j0', 'AOiDlkphfGSlvWKsu'];
const BASE = 'http://witness.test';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-redact-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'redaction-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let incidentId = '';

async function upload(name: string, body: Buffer, query = ''): Promise<SourceDto> {
  const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=${name}${query}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
  const response = await sourcesRoute.POST(request, ctx(incidentId));
  expect(response.status).toBe(201);
  return sourceDtoSchema.parse(await response.json());
}

async function multipart(name: string, body: Buffer, redact?: string): Promise<SourceDto> {
  const form = new FormData();
  if (redact !== undefined) form.append('redact', redact);
  form.append('file', new File([new Uint8Array(body)], name));
  const response = await sourcesRoute.POST(new Request(`${BASE}/api/incidents/${incidentId}/sources`, { method: 'POST', body: form }), ctx(incidentId));
  expect(response.status).toBe(201);
  return sourceDtoSchema.parse(await response.json());
}

async function download(sourceId: string): Promise<Buffer> {
  const response = await rawRoute.GET(new Request(`${BASE}/api/sources/${sourceId}/raw`), ctx(sourceId));
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function eventsText(sourceId: string): Promise<{ count: number; text: string }> {
  const response = await eventsRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/events?source=${sourceId}&limit=1000`), ctx(incidentId));
  expect(response.status).toBe(200);
  const page = eventPageDtoSchema.parse(await response.json());
  return { count: page.events.length, text: JSON.stringify(page.events) };
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

beforeAll(async () => {
  for (const secret of SECRETS) expect(HAR.toString('utf8')).toContain(secret);
  const response = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'redaction' }) }), { params: Promise.resolve({}) });
  expect(response.status).toBe(201);
  incidentId = incidentDtoSchema.parse(await response.json()).id;
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('redaction on upload', () => {
  it('stores a HAR without its cookies and secret headers, counted per kind, with every event', async () => {
    const source = await multipart('timed_out.har', HAR);
    expect(source).toMatchObject({ format: 'har', status: 'ready', events: HAR_ENTRIES, unparsed: 0, redacted: true, compressed: false });
    expect(source.redactions.cookie).toBeGreaterThan(0);
    expect(source.redactions.header).toBeGreaterThan(0);

    const stored = await download(source.id);
    expectNoSecret(stored.toString('utf8'));
    expect(stored.toString('utf8')).toContain('"value": "[REDACTED]"');
    expect(source.sha256).toBe(sha256(stored));
    expect(source.sizeBytes).toBe(stored.length);

    const events = await eventsText(source.id);
    expect(events.count).toBe(HAR_ENTRIES);
    expectNoSecret(events.text);
  });

  it('re-parses the stored (redacted) bytes to the same events', async () => {
    const source = await upload('again.har', HAR);
    const response = await reparseRoute.POST(new Request(`${BASE}/api/sources/${source.id}/reparse`, { method: 'POST' }), ctx(source.id));
    const reparsed = sourceDtoSchema.parse(await response.json());
    expect(reparsed).toMatchObject({ status: 'ready', events: HAR_ENTRIES, redacted: true, redactions: source.redactions });
    expectNoSecret((await eventsText(source.id)).text);
  });

  it('stores a gzip upload that needed redaction as plain redacted text', async () => {
    const source = await upload('timed_out.har.gz', gzipSync(HAR));
    expect(source).toMatchObject({ format: 'har', events: HAR_ENTRIES, compressed: false, redacted: true });
    const stored = await download(source.id);
    expect(stored[0]).toBe('{'.charCodeAt(0));
    expectNoSecret(stored.toString('utf8'));
  });

  it('keeps the upload byte for byte with redact=0, as a query parameter or a multipart field', async () => {
    for (const source of [await upload('kept.har', HAR, '&redact=0'), await multipart('kept-form.har', HAR, '0')]) {
      expect(source).toMatchObject({ events: HAR_ENTRIES, redacted: false, redactions: {}, sha256: sha256(HAR) });
      expect(sha256(await download(source.id))).toBe(sha256(HAR));
      expect((await eventsText(source.id)).text).toContain(SECRETS[0]);
    }
  });

  it('fails a corrupt gzip upload, which cannot be redacted, and keeps none of its bytes', async () => {
    const gz = gzipSync(HAR);
    const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=cut.har.gz`, { method: 'POST', body: gz.subarray(0, gz.length >> 1), duplex: 'half' } as RequestInit);
    const response = await sourcesRoute.POST(request, ctx(incidentId));
    expect(response.status).toBe(422);
    const source = sourceDtoSchema.parse(((await response.json()) as { source: unknown }).source);
    expect(source).toMatchObject({ status: 'failed', events: 0 });
    expect(source.error).toMatch(/^cut\.har\.gz: the gzip data is corrupt or truncated/);
    expect((await rawRoute.GET(new Request(`${BASE}/api/sources/${source.id}/raw`), ctx(source.id))).status).toBe(404);
  });

  it('keeps the bytes of an upload that fails on its evidence, redacted', async () => {
    const token = 'abcdefgh12345678secret';
    const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=notes.txt`, { method: 'POST', body: `just some words\nwithout structure, Bearer ${token}\n`, duplex: 'half' } as RequestInit);
    const response = await sourcesRoute.POST(request, ctx(incidentId));
    expect(response.status).toBe(422);
    const source = sourceDtoSchema.parse(((await response.json()) as { source: unknown }).source);
    expect(source.error).toMatch(/^notes\.txt: format not recognized/);
    expect(source.redactions).toEqual({ bearer: 1 });
    const stored = (await download(source.id)).toString('utf8');
    expect(stored).toBe('just some words\nwithout structure, Bearer [REDACTED]\n');
  });

  it('never serves the unredacted upload: not while it waits for its parse, not after an instance died parsing it', async () => {
    const { prisma, dialect } = await getDb();
    const id = 'PendingSource01';
    await prisma.source.create({ data: { id, incidentId, name: 'pending.log', position: 97, status: 'parsing', redacted: true } });
    await writeBlob(id, Readable.from([Buffer.from('password=hunter2\n')]), undefined, { pending: true });
    writeFileSync(parsedTextPath(id), 'password=[REDACTED]\n');
    expect((await rawRoute.GET(new Request(`${BASE}/api/sources/${id}/raw`), ctx(id))).status).toBe(404);
    // Its instance stops beating: the sweep fails it and deletes both files.
    await prisma.source.update({ where: { id }, data: { updatedAt: new Date(Date.now() - STALE_AFTER_MS - 5_000) } });
    expect(await recoverInterruptedSources(prisma, dialect)).toBe(1);
    expect(existsSync(pendingBlobPath(id))).toBe(false);
    expect(existsSync(parsedTextPath(id))).toBe(false);
    expect((await rawRoute.GET(new Request(`${BASE}/api/sources/${id}/raw`), ctx(id))).status).toBe(404);
  });

  it('rejects a redact flag that is not 0 or 1', async () => {
    const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=x.log&redact=maybe`, { method: 'POST', body: 'x', duplex: 'half' } as RequestInit);
    expect((await sourcesRoute.POST(request, ctx(incidentId))).status).toBe(400);
  });
});
