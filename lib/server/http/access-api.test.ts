/**
 * Access control (issue 5) through the real route handlers and a real SQLite file: sign-in,
 * sessions, the cross-site refusal, and share links. Every route module under app/api is found
 * on disk and called, so a route added later is held to the same rules without touching this
 * file: without a session every one answers 401; through incident A's share link none of them
 * reveals incident B or changes anything.
 *
 * Sign-in is configured per test through process.env (lib/server/access reads it per request).
 * Route modules are imported from app/ on purpose (see upload-api.test.ts).
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as entityRoute from '@/app/api/incidents/[id]/entities/[entity]/route';
import * as eventRoute from '@/app/api/incidents/[id]/events/[eventId]/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as investigationRoute from '@/app/api/incidents/[id]/investigation/route';
import * as requestRoute from '@/app/api/incidents/[id]/requests/[key]/route';
import * as shareRoute from '@/app/api/incidents/[id]/shares/[shareId]/route';
import * as sharesRoute from '@/app/api/incidents/[id]/shares/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as sessionRoute from '@/app/api/session/route';
import { eventPageDtoSchema } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { investigationDtoSchema } from '@/lib/schemas/investigation';
import { sessionDtoSchema } from '@/lib/schemas/session';
import { createdShareDtoSchema, shareListDtoSchema, type CreatedShareDto } from '@/lib/schemas/share';
import { sourceDtoSchema } from '@/lib/schemas/source';
import { newToken } from '../access/tokens';
import { CLIENT_FAILURES } from '../access/sign-in-throttle';
import { closeDb, getDb } from '../db/client';

const BASE = 'http://witness.test';
const PASSWORD = 'correct horse battery staple';
const tmp = mkdtempSync(path.join(tmpdir(), 'witness-access-api-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'access-api');
const dbFile = process.env.DATABASE_URL.startsWith('file:') ? process.env.DATABASE_URL.slice('file:'.length) : null;
process.env.BLOB_DIR = path.join(tmp, 'blobs');
delete process.env.WITNESS_ACCESS_PASSWORD;

type Params = Record<string, string>;
type Route = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function configure(password: string | undefined): void {
  if (password === undefined) delete process.env.WITNESS_ACCESS_PASSWORD;
  else process.env.WITNESS_ACCESS_PASSWORD = password;
}

function request(url: string, init: RequestInit & { cookie?: string; origin?: string | null } = {}): Request {
  const { cookie, origin, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (cookie) headers.set('cookie', cookie);
  // Browsers send Origin on every mutation; tests name it explicitly (null: leave it out).
  const method = (rest.method ?? 'GET').toUpperCase();
  if (origin !== null && method !== 'GET' && method !== 'HEAD') headers.set('origin', origin ?? BASE);
  return new Request(url.startsWith('http') ? url : `${BASE}${url}`, { ...rest, headers });
}

const ctx = <P extends Params>(params: P) => ({ params: Promise.resolve(params) });

// --- every route module under app/api, with the URL pattern it serves ---------------------------

interface RouteModule {
  /** `/api/incidents/[id]/events/[eventId]` */
  pattern: string;
  methods: Partial<Record<(typeof METHODS)[number], Route>>;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

const appDir = path.resolve(import.meta.dirname, '../../../app');
let routes: RouteModule[] = [];

/** The URL and params for `pattern` with each dynamic segment filled by `fill(name)`. */
function instantiate(pattern: string, fill: (name: string) => string): { url: string; params: Params } {
  const params: Params = {};
  const segments = pattern.split('/').map((segment) => {
    const dynamic = /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(segment);
    if (!dynamic) return segment;
    const value = fill(dynamic[1]!);
    params[dynamic[1]!] = value;
    return encodeURIComponent(value);
  });
  return { url: segments.join('/'), params };
}

async function callRoute(route: Route, url: string, params: Params, init: Parameters<typeof request>[1] = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
  return route(request(url, { body, headers: { 'content-type': 'application/json' }, ...init }), ctx(params));
}

// --- two incidents: A is shared, B must stay out of reach ----------------------------------------

const SECRET = 'BRAVO-SECRET';
const lines = (prefix: string, marker: string) =>
  [
    { ts: '2026-11-20T10:00:00.000Z', service: `${prefix}-api`, level: 'info', message: `${marker} order placed`, request_id: `req-${prefix}-1`, entity: `order:${prefix}-1`, state: { status: 'placed' } },
    { ts: '2026-11-20T10:00:01.000Z', service: `${prefix}-api`, level: 'error', message: `${marker} payment failed`, request_id: `req-${prefix}-1`, entity: `order:${prefix}-1`, state: { status: 'failed' } },
    { ts: '2026-11-20T10:00:02.000Z', service: `${prefix}-worker`, level: 'info', message: `${marker} retry`, request_id: `req-${prefix}-2`, entity: `order:${prefix}-1`, state: { status: 'paid' } },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n');

interface Seeded {
  id: string;
  sourceId: string;
  eventIds: number[];
  entity: string;
  requestKey: string;
}
let A: Seeded;
let B: Seeded;
let shareA: CreatedShareDto;
let postmortemShareA: CreatedShareDto;
let shareB: CreatedShareDto;

async function seed(name: string, text: string, fileName: string): Promise<Seeded> {
  const created = await incidentsRoute.POST(request('/api/incidents', { method: 'POST', body: JSON.stringify({ name }) }), ctx({}));
  expect(created.status).toBe(201);
  const id = incidentDtoSchema.parse(await created.json()).id;
  const uploaded = await sourcesRoute.POST(request(`/api/incidents/${id}/sources?name=${fileName}`, { method: 'POST', body: text }), ctx({ id }));
  expect(uploaded.status).toBe(201);
  const sourceId = sourceDtoSchema.parse(await uploaded.json()).id;
  const page = eventPageDtoSchema.parse(await (await eventsRoute.GET(request(`/api/incidents/${id}/events`), ctx({ id }))).json());
  const investigation = investigationDtoSchema.parse(await (await investigationRoute.GET(request(`/api/incidents/${id}/investigation`), ctx({ id }))).json());
  expect(investigation.entities.length).toBeGreaterThan(0);
  return { id, sourceId, eventIds: page.events.map((e) => Number(e.id)), entity: investigation.entities[0]!.entity, requestKey: `req-${name === 'alpha' ? 'A' : 'B'}-1` };
}

async function createShare(incidentId: string, body: Record<string, unknown>, init: Parameters<typeof request>[1] = {}): Promise<Response> {
  return sharesRoute.POST(request(`/api/incidents/${incidentId}/shares`, { method: 'POST', body: JSON.stringify(body), ...init }), ctx({ id: incidentId }));
}

async function newShare(incidentId: string, body: Record<string, unknown>, init: Parameters<typeof request>[1] = {}): Promise<CreatedShareDto> {
  const response = await createShare(incidentId, body, init);
  expect(response.status).toBe(201);
  return createdShareDtoSchema.parse(await response.json());
}

async function signIn(name: string, password = PASSWORD, url = '/api/session'): Promise<Response> {
  return sessionRoute.POST(request(url, { method: 'POST', body: JSON.stringify({ name, password }), origin: new URL(url, BASE).origin }), ctx({}));
}

/** `witness_session=TOKEN` from a sign-in answer, as the browser would send it back. */
function cookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}

beforeAll(async () => {
  routes = await Promise.all(
    routeFiles(path.join(appDir, 'api')).map(async (file) => {
      const mod = (await import(file)) as Record<string, unknown>;
      const methods: RouteModule['methods'] = {};
      for (const m of METHODS) if (typeof mod[m] === 'function') methods[m] = mod[m] as Route;
      return { pattern: `/${path.relative(appDir, path.dirname(file)).split(path.sep).join('/')}`, methods };
    }),
  );
  A = await seed('alpha', lines('A', 'ALPHA'), 'alpha.jsonl');
  B = await seed('bravo', lines('B', SECRET), 'bravo.jsonl');
  shareA = await newShare(A.id, { scope: 'investigation', label: 'for the review' });
  postmortemShareA = await newShare(A.id, { scope: 'postmortem', label: 'postmortem only' });
  shareB = await newShare(B.id, { scope: 'investigation', label: 'B link' });
}, 60_000);

afterEach(() => configure(undefined));

afterAll(async () => {
  configure(undefined);
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

/** B's ids for every dynamic segment a route may have; `id` is what goes in the incident/source slot. */
function bIds(id: string) {
  return (name: string): string => {
    switch (name) {
      case 'id':
        return id;
      case 'eventId':
        return String(B.eventIds[0]);
      case 'entity':
        return B.entity;
      case 'key':
        return B.requestKey;
      case 'shareId':
        return shareB.id;
      default:
        // Annotation ids, story kinds and whatever comes later: a plausible id shape.
        return 'Bx0000000001';
    }
  };
}

it('finds the route modules on disk (the enumeration below covers them all)', () => {
  const patterns = routes.map((r) => r.pattern);
  expect(patterns).toEqual(expect.arrayContaining(['/api/incidents', '/api/incidents/[id]/events/[eventId]', '/api/sources/[id]/raw', '/api/incidents/[id]/shares', '/api/session']));
  expect(routes.length).toBeGreaterThanOrEqual(19);
});

describe('sign-in configured', () => {
  it('answers 401 with the error shape on every route and method without a session (same-origin, so not the 403)', async () => {
    configure(PASSWORD);
    const checked: string[] = [];
    for (const route of routes) {
      if (route.pattern === '/api/session') continue;
      for (const [method, fn] of Object.entries(route.methods)) {
        const slot = route.pattern.startsWith('/api/sources') ? B.sourceId : B.id;
        const { url, params } = instantiate(route.pattern, bIds(slot));
        const response = await callRoute(fn, url, params, { method });
        checked.push(`${method} ${route.pattern}`);
        expect({ route: `${method} ${route.pattern}`, status: response.status }).toEqual({ route: `${method} ${route.pattern}`, status: 401 });
        expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to use this workspace.' } });
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['GET /api/incidents', 'POST /api/incidents', 'GET /api/sources/[id]/raw', 'POST /api/demo']));
  });

  it('refuses a wrong password and sets no cookie', async () => {
    configure(PASSWORD);
    const response = await signIn('mallory', 'guess');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await response.json()) as unknown).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('throttles failed sign-ins per client: 429 with Retry-After even for the right password, other clients unaffected', async () => {
    configure(PASSWORD);
    const from = (password: string) =>
      sessionRoute.POST(request('/api/session', { method: 'POST', body: JSON.stringify({ name: 'mallory', password }), headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' } }), ctx({}));
    for (let i = 0; i < CLIENT_FAILURES; i++) expect((await from(`guess-${i}`)).status).toBe(401);
    const blocked = await from(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    expect((await blocked.json()) as unknown).toMatchObject({ error: { code: 'too_many_attempts' } });
    // Someone else (another forwarded address) still signs in.
    const other = await sessionRoute.POST(request('/api/session', { method: 'POST', body: JSON.stringify({ name: 'Grace', password: PASSWORD }), headers: { 'x-forwarded-for': '198.51.100.7' } }), ctx({}));
    expect(other.status).toBe(201);
  });

  it('signs in with the password: an httpOnly SameSite=Lax cookie, a hashed Session row, and the session opens the API', async () => {
    configure(PASSWORD);
    const response = await signIn('Ada');
    expect(response.status).toBe(201);
    expect(sessionDtoSchema.parse(await response.json())).toMatchObject({ accessConfigured: true, name: 'Ada' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^witness_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');

    const cookie = cookieFrom(response);
    const token = cookie.split('=')[1]!;
    const { prisma } = await getDb();
    const row = await prisma.session.findUnique({ where: { tokenHash: createHash('sha256').update(token).digest('hex') } });
    expect(row?.name).toBe('Ada');
    expect(await prisma.session.count({ where: { tokenHash: token } })).toBe(0);

    const list = await incidentsRoute.GET(request('/api/incidents', { cookie }), ctx({}));
    expect(list.status).toBe(200);
    const me = sessionDtoSchema.parse(await (await sessionRoute.GET(request('/api/session', { cookie }), ctx({}))).json());
    expect(me).toMatchObject({ accessConfigured: true, name: 'Ada' });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    configure(PASSWORD);
    const response = await signIn('Ada', PASSWORD, 'https://witness.test/api/session');
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('signs out: the session no longer opens anything and the cookie is cleared', async () => {
    configure(PASSWORD);
    const cookie = cookieFrom(await signIn('Grace'));
    const out = await sessionRoute.DELETE(request('/api/session', { method: 'DELETE', cookie }), ctx({}));
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await incidentsRoute.GET(request('/api/incidents', { cookie }), ctx({}))).status).toBe(401);
  });

  it('treats an expired session as none', async () => {
    configure(PASSWORD);
    const cookie = cookieFrom(await signIn('Linus'));
    const { prisma } = await getDb();
    const hash = createHash('sha256').update(cookie.split('=')[1]!).digest('hex');
    await prisma.session.update({ where: { tokenHash: hash }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await incidentsRoute.GET(request('/api/incidents', { cookie }), ctx({}))).status).toBe(401);
  });

  it('refuses cross-site mutations (403) and accepts same-origin ones', async () => {
    configure(PASSWORD);
    const cookie = cookieFrom(await signIn('Ada'));
    const post = (init: Parameters<typeof request>[1]) =>
      incidentsRoute.POST(request('/api/incidents', { method: 'POST', body: JSON.stringify({ name: 'csrf check' }), cookie, ...init }), ctx({}));

    const crossSite = await post({ origin: 'http://evil.test' });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('http://evil.test') });
    // A sibling port or scheme is another origin too.
    expect((await post({ origin: 'http://witness.test:8080' })).status).toBe(403);
    expect((await post({ origin: 'https://witness.test' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    // No Origin: the Referer decides; with neither, nothing vouches for the request.
    expect((await post({ origin: null, headers: { referer: 'http://evil.test/page' } })).status).toBe(403);
    expect((await post({ origin: null })).status).toBe(403);
    expect((await post({ origin: BASE, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);

    expect((await post({ origin: BASE })).status).toBe(201);
    expect((await post({ origin: null, headers: { referer: `${BASE}/incidents/x` } })).status).toBe(201);
    // Behind a proxy the origin the client addressed is the forwarded one.
    expect((await post({ origin: 'https://witness.example.com', headers: { 'x-forwarded-host': 'witness.example.com', 'x-forwarded-proto': 'https' } })).status).toBe(201);
    // Signing in is a mutation too (no login CSRF).
    const crossSignIn = await sessionRoute.POST(request('/api/session', { method: 'POST', body: JSON.stringify({ name: 'x', password: PASSWORD }), origin: 'http://evil.test' }), ctx({}));
    expect(crossSignIn.status).toBe(403);
    expect(crossSignIn.headers.get('set-cookie')).toBeNull();
  });

  it('writes the session name as the author, whatever the body claims', async () => {
    configure(PASSWORD);
    const cookie = cookieFrom(await signIn('Ada'));
    const response = await createShare(A.id, { scope: 'investigation', author: 'Someone Else' }, { cookie });
    expect(response.status).toBe(201);
    expect(createdShareDtoSchema.parse(await response.json()).createdBy).toBe('Ada');
  });
});

it('serves a route without dynamic segments, to which Next passes no params', async () => {
  const noParams = { params: undefined } as unknown as { params: Promise<Record<string, never>> };
  expect((await incidentsRoute.GET(request('/api/incidents'), noParams)).status).toBe(200);
  configure(PASSWORD);
  expect((await incidentsRoute.GET(request('/api/incidents'), noParams)).status).toBe(401);
});

describe('open workspace (nothing configured)', () => {
  it('stays open, but still refuses a mutation that names another origin', async () => {
    const post = (origin: string | null) =>
      incidentsRoute.POST(request('/api/incidents', { method: 'POST', body: JSON.stringify({ name: 'open' }), origin }), ctx({}));
    expect((await post('http://evil.test')).status).toBe(403);
    expect((await post(BASE)).status).toBe(201);
    // curl and scripts name no origin: in an open workspace nothing else would stop them anyway.
    expect((await post(null)).status).toBe(201);
    const me = sessionDtoSchema.parse(await (await sessionRoute.GET(request('/api/session'), ctx({}))).json());
    expect(me).toEqual({ accessConfigured: false, name: null, expiresAt: null });
  });
});

describe('share links', () => {
  const shared = (token: string) => `share~${token}`;

  it('stores tokens only as SHA-256 hashes: no column and no byte of the database file holds one', async () => {
    const { prisma } = await getDb();
    const rows = await prisma.shareLink.findMany();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { token } of [shareA, postmortemShareA, shareB]) {
      const row = rows.find((r) => r.tokenHash === createHash('sha256').update(token).digest('hex'));
      expect(row).toBeDefined();
      expect(JSON.stringify(rows)).not.toContain(token);
    }
    let bytes: string;
    if (dbFile) {
      await prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
      bytes = [dbFile, `${dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    } else {
      // PostgreSQL: no file to read; every row of every table of the schema, as text.
      const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
      const texts: string[] = [];
      for (const { name } of tables) {
        const rows = await prisma.$queryRawUnsafe<{ text: string }[]>(`SELECT t::text AS text FROM "${name}" AS t`);
        texts.push(...rows.map((r) => r.text));
      }
      bytes = texts.join('\n');
    }
    expect(bytes.length).toBeGreaterThan(0);
    for (const { token } of [shareA, postmortemShareA, shareB]) expect(bytes).not.toContain(token);
    // ... and listing the links never shows one again.
    const list = await sharesRoute.GET(request(`/api/incidents/${A.id}/shares`), ctx({ id: A.id }));
    const text = await list.text();
    expect(shareListDtoSchema.parse(JSON.parse(text)).shares.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain(shareA.token);
  });

  it('reads its own incident through the share path, with sign-in configured and no session', async () => {
    configure(PASSWORD);
    const id = shared(shareA.token);
    const response = await investigationRoute.GET(request(`/api/incidents/${id}/investigation`), ctx({ id }));
    expect(response.status).toBe(200);
    expect(investigationDtoSchema.parse(await response.json()).entities.map((e) => e.entity)).toContain(A.entity);
    const own = await eventRoute.GET(request(`/api/incidents/${id}/events/${A.eventIds[0]}`), ctx({ id, eventId: String(A.eventIds[0]) }));
    expect(own.status).toBe(200);
  });

  for (const password of [undefined, PASSWORD]) {
    it(`never reveals incident B or changes anything through A's link, on any route (${password ? 'sign-in configured' : 'open workspace'})`, async () => {
      configure(password);
      const token = shared(shareA.token);
      let readsOfA = 0;
      for (const route of routes) {
        for (const [method, fn] of Object.entries(route.methods)) {
          // The token goes where an id goes: the incident slot, the source slot.
          const { url, params } = instantiate(route.pattern, bIds(token));
          if (!('id' in params)) continue;
          const label = `${method} ${url}`;
          // Query parameters naming B's source or request must not widen the view either.
          const query = `?source=${B.sourceId}&request=${B.requestKey}&q=${SECRET}`;
          const response = await callRoute(fn, `${url}${query}`, params, { method });
          const text = await response.text();
          expect(text, label).not.toContain(SECRET);
          expect(text, label).not.toContain(B.id);
          expect(text, label).not.toContain(B.sourceId);
          if (method !== 'GET' || !route.pattern.startsWith('/api/incidents/[id]') || route.pattern.includes('shares')) {
            expect({ label, status: response.status }).toEqual({ label, status: 404 });
          } else if (response.status === 200) {
            readsOfA++;
          } else {
            // B's sub-resources are 404; a read of A's own that dislikes the probing query is a 400.
            expect([400, 404], label).toContain(response.status);
          }
        }
      }
      // The in-scope reads that name no B id (investigation, report, events, ...) did answer, with A's data.
      expect(readsOfA).toBeGreaterThanOrEqual(6);
    });
  }

  it("answers B's sub-resources through A's link with 404 route by route (event, request, entity, source list)", async () => {
    const id = shared(shareA.token);
    for (const eventId of B.eventIds) {
      expect((await eventRoute.GET(request(`/api/incidents/${id}/events/${eventId}`), ctx({ id, eventId: String(eventId) }))).status).toBe(404);
    }
    expect((await requestRoute.GET(request(`/api/incidents/${id}/requests/${B.requestKey}`), ctx({ id, key: B.requestKey }))).status).toBe(404);
    expect((await entityRoute.GET(request(`/api/incidents/${id}/entities/${encodeURIComponent(B.entity)}`), ctx({ id, entity: B.entity }))).status).toBe(404);
    const sources = await sourcesRoute.GET(request(`/api/incidents/${id}/sources`), ctx({ id }));
    expect(sources.status).toBe(200);
    const text = await sources.text();
    expect(text).toContain(A.sourceId);
    expect(text).not.toContain(B.sourceId);
  });

  it('keeps a postmortem link to the postmortem: the investigation views are 404', async () => {
    const id = shared(postmortemShareA.token);
    for (const pattern of ['/api/incidents/[id]/investigation', '/api/incidents/[id]/events', '/api/incidents/[id]/report', '/api/incidents/[id]/sources', '/api/incidents/[id]']) {
      const route = routes.find((r) => r.pattern === pattern)!;
      const { url, params } = instantiate(pattern, () => id);
      expect({ pattern, status: (await callRoute(route.methods.GET!, url, params)).status }).toEqual({ pattern, status: 404 });
    }
  });

  it('gives a revoked, an expired, an unknown and a malformed token the same 404 body', async () => {
    configure(PASSWORD);
    const cookie = cookieFrom(await signIn('Ada'));
    const revoked = await newShare(A.id, { scope: 'investigation' }, { cookie });
    const revoke = await shareRoute.DELETE(request(`/api/incidents/${A.id}/shares/${revoked.id}`, { method: 'DELETE', cookie }), ctx({ id: A.id, shareId: revoked.id }));
    expect(revoke.status).toBe(200);
    expect(((await revoke.json()) as { status: string }).status).toBe('revoked');

    const expired = await newShare(A.id, { scope: 'investigation', expiresInHours: 1 }, { cookie });
    const { prisma } = await getDb();
    await prisma.shareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const answers = await Promise.all(
      [revoked.token, expired.token, newToken(), 'not-a-token', ''].map(async (token) => {
        const id = shared(token);
        const response = await investigationRoute.GET(request(`/api/incidents/${id}/investigation`), ctx({ id }));
        return { status: response.status, body: await response.text() };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(404);
    expect(JSON.parse(answers[0]!.body)).toEqual({ error: { code: 'not_found', message: 'This link does not exist, has expired or was revoked.' } });

    const list = shareListDtoSchema.parse(await (await sharesRoute.GET(request(`/api/incidents/${A.id}/shares`, { cookie }), ctx({ id: A.id }))).json());
    expect(list.shares.find((s) => s.id === revoked.id)?.status).toBe('revoked');
    expect(list.shares.find((s) => s.id === expired.id)?.status).toBe('expired');
  });

  it("revokes only the incident's own links", async () => {
    const response = await shareRoute.DELETE(request(`/api/incidents/${A.id}/shares/${shareB.id}`, { method: 'DELETE' }), ctx({ id: A.id, shareId: shareB.id }));
    expect(response.status).toBe(404);
    const { prisma } = await getDb();
    expect((await prisma.shareLink.findUnique({ where: { id: shareB.id } }))?.revokedAt).toBeNull();
  });

  it('validates the create body', async () => {
    const response = await createShare(A.id, { scope: 'everything', expiresInHours: -1 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['body.expiresInHours', 'body.scope']);
  });
});
