/**
 * The investigation API (issue 4) through the real route handlers and a real SQLite file, on
 * the demo incident loaded through POST /api/demo: every route answers what its schema says,
 * names events by their database ids (which the event detail route resolves), agrees with the
 * report, answers 404 for what does not exist, and the events listing gains aligned time once
 * an analysis is known, from memory or from the cached report row.
 *
 * Route modules are imported from app/ on purpose (see upload-api.test.ts).
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as demoRoute from '@/app/api/demo/route';
import * as entityRoute from '@/app/api/incidents/[id]/entities/[entity]/route';
import * as eventRoute from '@/app/api/incidents/[id]/events/[eventId]/route';
import * as facetsRoute from '@/app/api/incidents/[id]/events/facets/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as investigationRoute from '@/app/api/incidents/[id]/investigation/route';
import * as reportRoute from '@/app/api/incidents/[id]/report/route';
import * as requestRoute from '@/app/api/incidents/[id]/requests/[key]/route';
import * as timelineRoute from '@/app/api/incidents/[id]/timeline/route';
import * as stepRoute from '@/app/api/incidents/[id]/timeline/step/route';
import * as incidentsRoute from '@/app/api/incidents/route';
import { DEFAULT_DEMO_SEED, generateDemo } from '@/lib/domain/demo';
import type { Report } from '@/lib/domain/report/report';
import { eventFacetsDtoSchema, eventPageDtoSchema, type EventDto } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import {
  entityViewDtoSchema,
  eventDetailDtoSchema,
  investigationDtoSchema,
  requestViewDtoSchema,
  timelineSliceDtoSchema,
  timelineStepDtoSchema,
  type InvestigationDto,
} from '@/lib/schemas/investigation';
import { forgetIncidentAnalyses, getIncidentAnalysis } from '../analysis/incident-analysis';
import { forgetKnownClockOffsets } from '../analysis/known-clock-offsets';
import { closeDb } from '../db/client';
import { demoBaseTimeMs } from '../demo/open-demo-incident';

const BASE = 'http://witness.test';
const tmp = mkdtempSync(path.join(tmpdir(), 'witness-investigation-api-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'investigation-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const now = Date.UTC(2026, 10, 23, 14, 5, 30);
const demo = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: demoBaseTimeMs(now) });
const expected = demo.expectations.firstDivergence;
let id = '';

type Params = Record<string, string>;
type Route = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

async function call(route: Route, pathAndQuery: string, params: Params): Promise<Response> {
  return route(new Request(`${BASE}/api/incidents/${id}/${pathAndQuery}`), { params: Promise.resolve({ id, ...params }) });
}

async function json(route: Route, pathAndQuery: string, params: Params = {}): Promise<unknown> {
  const response = await call(route, pathAndQuery, params);
  expect(response.status, pathAndQuery).toBe(200);
  return response.json();
}

async function listEvents(): Promise<EventDto[]> {
  return eventPageDtoSchema.parse(await json(eventsRoute.GET as Route, 'events?limit=1000')).events;
}

async function investigation(query = ''): Promise<InvestigationDto> {
  return investigationDtoSchema.parse(await json(investigationRoute.GET as Route, `investigation${query}`));
}

beforeAll(async () => {
  vi.spyOn(Date, 'now').mockReturnValue(now);
  try {
    const response = await demoRoute.POST(new Request(`${BASE}/api/demo`, { method: 'POST' }), { params: Promise.resolve({}) });
    expect(response.status).toBe(201);
    id = incidentDtoSchema.parse(await response.json()).id;
  } finally {
    vi.restoreAllMocks();
  }
}, 120_000); // 18 files through the real ingest pipeline

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the events listing before any analysis', () => {
  it('has no aligned time yet, and does not compute an analysis to get one', async () => {
    const events = await listEvents();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.at === null)).toBe(true);
    expect((await listEvents()).every((e) => e.at === null)).toBe(true);
  });
});

describe('GET /investigation', () => {
  it('opens with the lanes, the findings and the expected first divergence, named by event id', async () => {
    const dto = await investigation();
    expect(dto.lanes.map((l) => l.source)).toEqual(expect.arrayContaining(demo.files.map((f) => f.name)));
    const first = dto.findings[dto.firstDivergence!]!;
    expect(first).toMatchObject({ kind: expected.kind, entity: expected.entity, field: expected.field });
    const detail = eventDetailDtoSchema.parse(await json(eventRoute.GET as Route, `events/${first.eventId}`, { eventId: String(first.eventId) }));
    expect(detail.event.source).toBe(expected.event.source);
    expect(detail.event.locator).toEqual(expected.event.locator);
    expect(detail.findings).toContainEqual({ divergence: true, index: dto.firstDivergence });
    expect(detail.lane).toBe(first.lane);
    expect(detail.event.at).toBe(detail.event.ts! - detail.offsetMs);
  });

  it('agrees with the report', async () => {
    const report = JSON.parse(await (await call(reportRoute.GET as Route, 'report', {})).text()) as Report;
    const dto = await investigation();
    expect(dto.findings.map((f) => [f.kind, f.entity, f.field, f.summary])).toEqual(report.findings.map((f) => [f.kind, f.entity, f.field, f.summary]));
    expect(dto.signals).toHaveLength(report.signals.length);
  });

  it('with ?align=0 reads raw clocks under another fingerprint', async () => {
    const aligned = await investigation();
    const raw = await investigation('?align=0');
    expect(raw.fingerprint).not.toBe(aligned.fingerprint);
    expect(raw.lanes.every((l) => l.offsetMs === 0)).toBe(true);
    expect(aligned.lanes.some((l) => l.offsetMs !== 0)).toBe(true);
    expect((await call(investigationRoute.GET as Route, 'investigation?align=maybe', {})).status).toBe(400);
  });

  it('answers 404 for an unknown incident', async () => {
    const response = await investigationRoute.GET(new Request(`${BASE}/api/incidents/NoSuchIncident1/investigation`), { params: Promise.resolve({ id: 'NoSuchIncident1' }) });
    expect(response.status).toBe(404);
  });
});

describe('GET /timeline and /timeline/step', () => {
  it('slices the extent into events, and steps through them in time order', async () => {
    const { extent } = await investigation();
    const [from, to] = extent.aligned!;
    const slice = timelineSliceDtoSchema.parse(await json(timelineRoute.GET as Route, `timeline?from=${from}&to=${to}&columns=500`));
    expect(slice.visible).toBeGreaterThan(100);
    expect(slice.events!.id).toHaveLength(slice.visible);

    const first = timelineStepDtoSchema.parse(await json(stepRoute.GET as Route, `timeline/step?dir=next&from=${from}`));
    expect(first).toEqual({ eventId: slice.events!.id[0], start: slice.events!.start[0] });
    const second = timelineStepDtoSchema.parse(await json(stepRoute.GET as Route, `timeline/step?event=${first.eventId}&dir=next`));
    expect(second.eventId).toBe(slice.events!.id[1]);
    const before = timelineStepDtoSchema.parse(await json(stepRoute.GET as Route, `timeline/step?event=${first.eventId}&dir=prev`));
    expect(before).toEqual({ eventId: null, start: null });
  });

  it('rejects a window that ends before it starts, and steps from an unknown event with 404', async () => {
    expect((await call(timelineRoute.GET as Route, 'timeline?from=10&to=5', {})).status).toBe(400);
    expect((await call(stepRoute.GET as Route, 'timeline/step?dir=sideways', {})).status).toBe(400);
    expect((await call(stepRoute.GET as Route, 'timeline/step?event=999999999&dir=next', {})).status).toBe(404);
  });
});

describe('GET /requests/{key}', () => {
  const story1 = demo.expectations.stories.find((s) => s.story === 1)!.firstDivergence;

  it('shows a request group by any of its identifiers, with joins and its first divergence', async () => {
    const views = [];
    for (const key of story1.requestIds) views.push(requestViewDtoSchema.parse(await json(requestRoute.GET as Route, `requests/${encodeURIComponent(key)}`, { key })));
    expect(new Set(views.map((v) => v.key)).size).toBe(1);
    const view = views[0]!;
    expect(view.joins).toHaveLength(view.identifiers.length - 1);
    expect(view.findings[view.firstDivergence!]).toMatchObject({ kind: story1.kind, entity: story1.entity });
  });

  it('answers 404 for an unknown request', async () => {
    expect((await call(requestRoute.GET as Route, 'requests/no-such-request', { key: 'no-such-request' })).status).toBe(404);
  });
});

describe('GET /entities/{entity}', () => {
  it("shows the witness table of the first divergence's entity, its first divergence row on the trigger", async () => {
    const entity = expected.entity!;
    const view = entityViewDtoSchema.parse(await json(entityRoute.GET as Route, `entities/${encodeURIComponent(entity)}`, { entity }));
    const first = view.findings[view.firstDivergence!]!;
    const field = view.fields.find((f) => f.field === expected.field)!;
    expect(field.rows[field.firstDivergenceRow!]!.eventId).toBe(first.eventId);
  });

  it('answers 404 for an unknown entity', async () => {
    expect((await call(entityRoute.GET as Route, 'entities/item%3Anope', { entity: 'item:nope' })).status).toBe(404);
  });
});

describe('GET /events/{eventId}', () => {
  it('answers 404 for an unknown event, 400 for a malformed id; the static facets route still answers', async () => {
    expect((await call(eventRoute.GET as Route, 'events/999999999', { eventId: '999999999' })).status).toBe(404);
    expect((await call(eventRoute.GET as Route, 'events/abc', { eventId: 'abc' })).status).toBe(400);
    const facets = eventFacetsDtoSchema.parse(await json(facetsRoute.GET as Route, 'events/facets'));
    expect(facets.services.length).toBeGreaterThan(0);
  });
});

describe('the events listing once an analysis is known', () => {
  it('has aligned time from the analysis in memory, and from the cached report on an instance without it', async () => {
    const { lanes } = await investigation();
    const fromMemory = await listEvents();
    const offsetOf = (e: EventDto) => lanes.find((l) => l.sourceId === e.sourceId && l.service === (e.service ?? e.source))!.offsetMs;
    for (const e of fromMemory) expect(e.at).toBe(e.ts === null ? null : e.ts - offsetOf(e));
    expect(fromMemory.some((e) => e.at !== e.ts)).toBe(true);

    // Another instance: nothing in memory, but the report computed above is stored.
    forgetIncidentAnalyses();
    forgetKnownClockOffsets();
    expect(await listEvents()).toEqual(fromMemory);
  });
});

describe('the analyses kept in memory', () => {
  it('share one computation between concurrent callers, and keep the two most recently used', async () => {
    forgetIncidentAnalyses();
    const [a, b] = await Promise.all([getIncidentAnalysis(id, { alignment: true }), getIncidentAnalysis(id, { alignment: true })]);
    expect(b).toBe(a);
    const raw = await getIncidentAnalysis(id, { alignment: false });
    expect(raw).not.toBe(a);
    expect(await getIncidentAnalysis(id, { alignment: true })).toBe(a);

    // A third analysis pushes out the least recently used (the raw one), not the aligned one.
    const created = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'empty' }) }), { params: Promise.resolve({}) });
    const other = incidentDtoSchema.parse(await created.json()).id;
    expect((await getIncidentAnalysis(other, { alignment: true })).input.events.length).toBe(0);
    expect(await getIncidentAnalysis(id, { alignment: true })).toBe(a);
    expect(await getIncidentAnalysis(id, { alignment: false })).not.toBe(raw);
  });
});

describe('an incident too large for the memory this server gives analyses', () => {
  it('is a 422 that says so on every analysis view, while the events list keeps working', async () => {
    // The report, computed and stored before the budget shrinks.
    expect((await call(reportRoute.GET as Route, 'report', {})).status).toBe(200);
    forgetIncidentAnalyses();
    forgetKnownClockOffsets();
    // 10 KB: far less than the demo's events need.
    vi.stubEnv('WITNESS_ANALYSIS_MEMORY_MB', '0.01');
    try {
      for (const [route, pathAndQuery, params] of [
        [investigationRoute.GET, 'investigation', {}],
        [timelineRoute.GET, 'timeline?from=0&to=1&columns=100', {}],
        [requestRoute.GET, 'requests/anything', { key: 'anything' }],
      ] as [Route, string, Params][]) {
        const response = await call(route, pathAndQuery, params);
        expect(response.status, pathAndQuery).toBe(422);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('analysis_too_large');
        expect(body.error.message).toMatch(/^this incident is too large to analyze on this server: its [\d,]+ events need about [\d,]+ MB of memory, and analyses may use 1 MB here/);
      }
      expect((await listEvents()).length).toBeGreaterThan(0);
      // A report stored before needs no analysis: it is still served.
      expect((await call(reportRoute.GET as Route, 'report', {})).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
    // With the default budget the same incident analyzes.
    expect((await investigation()).findings.length).toBeGreaterThan(0);
  });
});
