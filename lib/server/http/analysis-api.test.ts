/**
 * The analysis through the real route handlers and a real SQLite file: the report of a stored
 * incident is the command line's report for the same files and profile; it is cached and
 * recomputed when its inputs change; the profile is validated with paths; suggestions come
 * from the stored events; the demo incident loads through the real ingest pipeline.
 *
 * Route modules are imported from app/ on purpose (see upload-api.test.ts).
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as demoRoute from '@/app/api/demo/route';
import * as incidentsRoute from '@/app/api/incidents/route';
import * as profileRoute from '@/app/api/incidents/[id]/profile/route';
import * as suggestionsRoute from '@/app/api/incidents/[id]/profile/suggestions/route';
import * as reportRoute from '@/app/api/incidents/[id]/report/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import { analyze } from '@/lib/cli/analyze';
import { DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, GATEWAY_FILE, generateDemo } from '@/lib/domain/demo';
import type { ExpectedFinding } from '@/lib/domain/demo/types';
import type { ProfileSuggestions } from '@/lib/domain/profile/suggest-profile';
import type { Finding, Report } from '@/lib/domain/report/report';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { sourceDtoSchema } from '@/lib/schemas/source';
import { closeDb, getDb } from '../db/client';
import { demoBaseTimeMs } from '../demo/open-demo-incident';

const BASE = 'http://witness.test';
const tmp = mkdtempSync(path.join(tmpdir(), 'witness-analysis-api-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'analysis-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

const demo = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
const story = demo.expectations.stories.find((s) => s.files.length <= 3)!;
const filesDir = path.join(tmp, 'files');
const fileText = new Map(demo.files.map((f) => [f.name, f.text]));
const profileFile = path.join(tmp, 'profile.json');

let incidentId = '';

async function createIncident(name: string): Promise<string> {
  const response = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name }) }), { params: Promise.resolve({}) });
  expect(response.status).toBe(201);
  return incidentDtoSchema.parse(await response.json()).id;
}

async function upload(id: string, name: string, text: string): Promise<number> {
  const request = new Request(`${BASE}/api/incidents/${id}/sources?name=${encodeURIComponent(name)}`, { method: 'POST', body: text });
  return (await sourcesRoute.POST(request, ctx(id))).status;
}

function putProfile(id: string, body: string): Promise<Response> {
  return profileRoute.PUT(new Request(`${BASE}/api/incidents/${id}/profile`, { method: 'PUT', body }), ctx(id));
}

interface Fetched {
  report: Report;
  text: string;
  origin: string | null;
  headers: Headers;
}

async function getReport(id: string, query = ''): Promise<Fetched> {
  const response = await reportRoute.GET(new Request(`${BASE}/api/incidents/${id}/report${query}`), ctx(id));
  expect(response.status).toBe(200);
  const text = await response.text();
  return { report: JSON.parse(text) as Report, text, origin: response.headers.get('x-witness-analysis'), headers: response.headers };
}

function cliReport(files: string[], flags: { alignment?: boolean } = {}): Promise<Report> {
  return analyze(files.map((f) => path.join(filesDir, f)), profileFile, () => {}, flags);
}

function expectFinding(actual: Finding | null, expected: ExpectedFinding): void {
  expect(actual).not.toBeNull();
  const { source, ...locator } = actual!.event;
  expect({ kind: actual!.kind, entity: actual!.entity, field: actual!.field, source, locator }).toEqual({
    kind: expected.kind,
    entity: expected.entity,
    field: expected.field,
    source: expected.event.source,
    locator: expected.event.locator,
  });
}

beforeAll(async () => {
  mkdirSync(filesDir, { recursive: true });
  for (const file of demo.files) writeFileSync(path.join(filesDir, file.name), file.text);
  writeFileSync(profileFile, JSON.stringify(demo.profile));
  incidentId = await createIncident(`story ${story.story}`);
  for (const name of story.files) expect(await upload(incidentId, name, fileText.get(name)!)).toBe(201);
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the analysis profile', () => {
  it('starts empty, rejects an invalid profile with the paths of its issues, and saves a valid one as written', async () => {
    const empty = await profileRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/profile`), ctx(incidentId));
    expect(await empty.json()).toEqual({ profile: null });

    const invalid = { entities: [{ type: 'item', keys: ['item_id'], state: [] }], toleranceMs: -5, extra: true };
    const rejected = await putProfile(incidentId, JSON.stringify(invalid));
    expect(rejected.status).toBe(400);
    const body = (await rejected.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['(root)', 'entities.0.state', 'toleranceMs']);

    expect((await putProfile(incidentId, '{not json')).status).toBe(400);
    expect((await putProfile('NoSuchIncident1', JSON.stringify(demo.profile))).status).toBe(404);

    const saved = await putProfile(incidentId, JSON.stringify(demo.profile));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ profile: demo.profile });
    const read = await profileRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/profile`), ctx(incidentId));
    expect(await read.json()).toEqual({ profile: demo.profile });
  });
});

describe('the report of a stored incident', () => {
  it('is the command line report for the same files and profile, with the story first divergence', async () => {
    const first = await getReport(incidentId);
    expect(first.origin).toBe('computed');
    expect(Number(first.headers.get('x-witness-analysis-ms'))).toBeGreaterThan(0);
    expect(first.headers.get('server-timing')).toMatch(/^analysis;desc="computed";dur=[\d.]+, compute;dur=[\d.]+$/);
    expect(first.report).toEqual(await cliReport(story.files));
    expectFinding(first.report.firstDivergence, story.firstDivergence);
  });

  it('is served from the cache the second time, byte for byte', async () => {
    const first = await getReport(incidentId);
    const second = await getReport(incidentId);
    expect(second.origin).toBe('cache');
    expect(second.text).toBe(first.text);
  });

  it('with ?align=0 reads raw clocks like --no-align, cached apart from the aligned one', async () => {
    const raw = await getReport(incidentId, '?align=0');
    expect(raw.origin).toBe('computed');
    expect(raw.report).toEqual(await cliReport(story.files, { alignment: false }));
    expect((await getReport(incidentId)).origin).toBe('cache');
    expect((await getReport(incidentId, '?align=false')).origin).toBe('cache');
    const bad = await reportRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/report?align=maybe`), ctx(incidentId));
    expect(bad.status).toBe(400);
  });

  it('is recomputed after a profile change, once for concurrent requests', async () => {
    const changed = { ...demo.profile, toleranceMs: 1500 };
    expect((await putProfile(incidentId, JSON.stringify(changed))).status).toBe(200);
    const both = await Promise.all([getReport(incidentId), getReport(incidentId)]);
    expect(both.map((r) => r.origin).filter((o) => o === 'computed')).toHaveLength(1);
    expect(both[1]!.text).toBe(both[0]!.text);
    expect((await getReport(incidentId)).origin).toBe('cache');
    expect((await putProfile(incidentId, JSON.stringify(demo.profile))).status).toBe(200);
    expect((await getReport(incidentId)).origin).toBe('cache'); // the earlier profile's report is still kept
  });

  it('is recomputed after an upload; a failed source is listed with its error', async () => {
    expect(story.files).not.toContain(GATEWAY_FILE);
    expect(await upload(incidentId, GATEWAY_FILE, fileText.get(GATEWAY_FILE)!)).toBe(201);
    const after = await getReport(incidentId);
    expect(after.origin).toBe('computed');
    expect(after.report.sources).toHaveLength(story.files.length + 1);
    expect(await upload(incidentId, 'notes.txt', 'just some words\nwithout any structure\n')).toBe(422);
    const withFailed = await getReport(incidentId);
    expect(withFailed.origin).toBe('computed');
    const failed = withFailed.report.sources.at(-1)!;
    expect(failed).toMatchObject({ name: 'notes.txt', events: 0, unparsed: 0, domains: [] });
    expect(failed.error).toMatch(/^notes\.txt: format not recognized/);
    expect(withFailed.report.findings).toEqual(after.report.findings);
  });

  it('answers 404 for an unknown incident', async () => {
    const response = await reportRoute.GET(new Request(`${BASE}/api/incidents/NoSuchIncident1/report`), ctx('NoSuchIncident1'));
    expect(response.status).toBe(404);
  });
});

describe('profile suggestions', () => {
  it('finds the keys, path templates and state fields of the stored events', async () => {
    const id = await createIncident('suggestions');
    for (const name of ['inventory.jsonl', 'reporting.log', 'order-service.jsonl', 'admin-dashboard.har']) expect(await upload(id, name, fileText.get(name)!)).toBe(201);
    const response = await suggestionsRoute.GET(new Request(`${BASE}/api/incidents/${id}/profile/suggestions`), ctx(id));
    expect(response.status).toBe(200);
    const suggestions = (await response.json()) as ProfileSuggestions;
    expect(suggestions.sampled.map((s) => s.source)).toEqual(['inventory.jsonl', 'reporting.log', 'order-service.jsonl', 'admin-dashboard.har']);
    expect(suggestions.keys.map((k) => k.field)).toEqual(expect.arrayContaining(['item_id', 'order_id']));
    expect(suggestions.paths.map((p) => p.template)).toContain('/api/items/:id');
    const item = suggestions.entities.find((e) => e.rule.type === 'item')!.rule;
    expect(item).toMatchObject({ keys: expect.arrayContaining(['item_id']) as string[], paths: expect.arrayContaining(['/api/items/:id']) as string[] });
    expect(item.state).toContain('sold');
    expect(suggestions.identifiers.find((i) => i.source === 'order-service.jsonl' && i.slot === 'requestId')?.count).toBeGreaterThan(0);
  });
});

describe('the demo incident', () => {
  const now = Date.UTC(2026, 10, 23, 14, 5, 30);
  const expected = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: demoBaseTimeMs(now) });

  it('is created with every generated file ready and its profile; its report finds the expected first divergence', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(now);
    let response: Response;
    try {
      response = await demoRoute.POST(new Request(`${BASE}/api/demo`, { method: 'POST' }), { params: Promise.resolve({}) });
    } finally {
      vi.restoreAllMocks();
    }
    expect(response.status).toBe(201);
    const incident = incidentDtoSchema.parse(await response.json());
    expect(incident.sources).toBe(expected.files.length);
    const list = (await (await sourcesRoute.GET(new Request(`${BASE}/api/incidents/${incident.id}/sources`), ctx(incident.id))).json()) as { sources: unknown[] };
    const sources = list.sources.map((s) => sourceDtoSchema.parse(s));
    expect(sources.map((s) => [s.name, s.status])).toEqual(expected.files.map((f) => [f.name, 'ready']));
    const profile = await profileRoute.GET(new Request(`${BASE}/api/incidents/${incident.id}/profile`), ctx(incident.id));
    expect(await profile.json()).toEqual({ profile: expected.profile });

    const { report } = await getReport(incident.id);
    expectFinding(report.firstDivergence, expected.expectations.firstDivergence);
    expect(report.firstDivergence!.at.slice(0, 16)).toBe(expected.expectations.firstDivergence.at.slice(0, 16));
  });

  it('answers the existing demo instead of creating another, unless ?fresh=1', async () => {
    const { prisma } = await getDb();
    const [existing] = await prisma.incident.findMany({ where: { demo: true }, select: { id: true } });
    const again = await demoRoute.POST(new Request(`${BASE}/api/demo`, { method: 'POST' }), { params: Promise.resolve({}) });
    expect(again.status).toBe(200);
    expect(incidentDtoSchema.parse(await again.json()).id).toBe(existing!.id);
    const fresh = await demoRoute.POST(new Request(`${BASE}/api/demo?fresh=1`, { method: 'POST' }), { params: Promise.resolve({}) });
    expect(fresh.status).toBe(201);
    expect(incidentDtoSchema.parse(await fresh.json()).id).not.toBe(existing!.id);
  });
});
