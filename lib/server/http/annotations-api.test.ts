/**
 * Annotations and the postmortem (issue 5) through the real route handlers and a real SQLite
 * file, on one demo story uploaded with its profile: every change keeps a revision, deletes are
 * soft and restorable, event targets must be the incident's own, input errors name their paths,
 * the postmortem reads as defaults until saved, and the narrative puts annotations and story
 * findings in aligned time with their raw lines and witness values as evidence.
 *
 * Route modules are imported from app/ on purpose (see upload-api.test.ts).
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as revisionsRoute from '@/app/api/incidents/[id]/annotations/[annotationId]/revisions/route';
import * as restoreRoute from '@/app/api/incidents/[id]/annotations/[annotationId]/restore/route';
import * as annotationRoute from '@/app/api/incidents/[id]/annotations/[annotationId]/route';
import * as annotationsRoute from '@/app/api/incidents/[id]/annotations/route';
import * as eventsRoute from '@/app/api/incidents/[id]/events/route';
import * as investigationRoute from '@/app/api/incidents/[id]/investigation/route';
import * as narrativeRoute from '@/app/api/incidents/[id]/postmortem/narrative/route';
import * as postmortemRoute from '@/app/api/incidents/[id]/postmortem/route';
import * as profileRoute from '@/app/api/incidents/[id]/profile/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as storyRoute from '@/app/api/incidents/[id]/story/[kind]/[eventId]/route';
import * as incidentsRoute from '@/app/api/incidents/route';
import { DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, generateDemo } from '@/lib/domain/demo';
import {
  annotationDtoSchema,
  annotationListDtoSchema,
  annotationRevisionListDtoSchema,
  narrativeDtoSchema,
  postmortemDtoSchema,
  type AnnotationDto,
} from '@/lib/schemas/annotation';
import { eventPageDtoSchema, type EventDto } from '@/lib/schemas/event';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { investigationDtoSchema, type FindingDto } from '@/lib/schemas/investigation';
import { closeDb } from '../db/client';

const BASE = 'http://witness.test';
const tmp = mkdtempSync(path.join(tmpdir(), 'witness-annotations-api-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'annotations-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const demo = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
const story = demo.expectations.stories.find((s) => s.files.length <= 3)!;
const fileText = new Map(demo.files.map((f) => [f.name, f.text]));

type Params = Record<string, string>;
type Route = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

let incident = '';
let other = '';
let events: EventDto[] = [];
let otherEvent: EventDto;
let divergence: FindingDto;

function call(route: unknown, method: string, url: string, params: Params, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) };
  return (route as Route)(new Request(`${BASE}${url}`, init), { params: Promise.resolve(params) });
}

async function ok<T>(response: Promise<Response>, schema: { parse(v: unknown): T }, status = 200): Promise<T> {
  const r = await response;
  expect(r.status).toBe(status);
  return schema.parse(await r.json());
}

async function issuesOf(response: Promise<Response>): Promise<string[]> {
  const r = await response;
  expect(r.status).toBe(400);
  const body = (await r.json()) as { error: { code: string; issues: { path: string }[] } };
  expect(body.error.code).toBe('validation_failed');
  return body.error.issues.map((i) => i.path).sort();
}

const base = (id = incident) => `/api/incidents/${id}/annotations`;
const create = (body: unknown, id = incident) => call(annotationsRoute.POST, 'POST', base(id), { id }, body);
const list = (query = '') => ok(call(annotationsRoute.GET, 'GET', `${base()}${query}`, { id: incident }), annotationListDtoSchema).then((l) => l.annotations);
const revisions = (a: AnnotationDto) =>
  ok(call(revisionsRoute.GET, 'GET', `${base()}/${a.id}/revisions`, { id: incident, annotationId: a.id }), annotationRevisionListDtoSchema).then((r) => r.revisions);

async function newIncident(name: string, files: string[]): Promise<string> {
  const r = await call(incidentsRoute.POST, 'POST', '/api/incidents', {}, { name });
  const id = incidentDtoSchema.parse(await r.json()).id;
  for (const file of files) {
    const up = await call(sourcesRoute.POST, 'POST', `/api/incidents/${id}/sources?name=${encodeURIComponent(file)}`, { id }, fileText.get(file)!);
    expect(up.status).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  incident = await newIncident(`story ${story.story}`, story.files);
  expect((await call(profileRoute.PUT, 'PUT', `/api/incidents/${incident}/profile`, { id: incident }, demo.profile)).status).toBe(200);
  other = await newIncident('another', story.files.slice(0, 1));
  events = (await ok(call(eventsRoute.GET, 'GET', `/api/incidents/${incident}/events?limit=50`, { id: incident }), eventPageDtoSchema)).events;
  otherEvent = (await ok(call(eventsRoute.GET, 'GET', `/api/incidents/${other}/events?limit=1`, { id: other }), eventPageDtoSchema)).events[0]!;
  const inv = await ok(call(investigationRoute.GET, 'GET', `/api/incidents/${incident}/investigation`, { id: incident }), investigationDtoSchema);
  divergence = inv.findings.find((f) => f.entity !== null && f.field !== null)!;
  expect(divergence).toBeDefined();
}, 60_000);

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('annotations', () => {
  it('creates one on an event of the incident, by the claimed author, and lists it', async () => {
    const event = events[0]!;
    const created = await ok(create({ kind: 'trigger', target: { type: 'event', eventId: event.id }, body: '  the **deploy**  ', author: 'Ada' }), annotationDtoSchema, 201);
    expect(created).toMatchObject({ incidentId: incident, kind: 'trigger', target: { type: 'event', eventId: event.id }, body: 'the **deploy**', author: 'Ada', deletedAt: null, changes: 0 });
    expect((await list()).map((a) => a.id)).toContain(created.id);
    expect(await revisions(created)).toEqual([expect.objectContaining({ action: 'created', kind: 'trigger', body: 'the **deploy**', editor: 'Ada' })]);
  });

  it('answers 404 for an event of another incident, and for an unknown incident', async () => {
    expect((await create({ kind: 'note', target: { type: 'event', eventId: otherEvent.id }, body: 'x' })).status).toBe(404);
    expect((await create({ kind: 'note', target: { type: 'event', eventId: 2_000_000_000 }, body: 'x' })).status).toBe(404);
    expect((await create({ kind: 'note', target: { type: 'range', from: 1, to: 2 }, body: 'x' }, 'NoSuchIncident1')).status).toBe(404);
  });

  it('rejects invalid input with the paths of its issues', async () => {
    expect(await issuesOf(create({ kind: 'guess', target: { type: 'range', from: 5, to: 1 }, body: '   ' }))).toEqual(['body.body', 'body.kind', 'body.target.to']);
    expect(await issuesOf(create({ kind: 'note', target: { type: 'state', entity: '', at: 'noon' }, body: 'x' }))).toEqual([
      'body.target.at',
      'body.target.entity',
      'body.target.field',
    ]);
    expect(await issuesOf(create('{not json'))).toEqual(['body']);
    expect(await issuesOf(call(annotationsRoute.GET, 'GET', `${base()}?deleted=yes`, { id: incident }))).toEqual(['query.deleted']);
  });

  it('keeps the history of an edit and a delete, and restores', async () => {
    const a = await ok(create({ kind: 'note', target: { type: 'range', from: 1000, to: 2000 }, body: 'first words', author: 'Ada' }), annotationDtoSchema, 201);
    const at = (p: string) => `${base()}/${a.id}${p}`;
    const params = { id: incident, annotationId: a.id };

    expect(await issuesOf(call(annotationRoute.PATCH, 'PATCH', at(''), params, {}))).toEqual(['body']);
    const edited = await ok(call(annotationRoute.PATCH, 'PATCH', at(''), params, { body: 'second words', kind: 'diagnosis', author: 'Grace' }), annotationDtoSchema);
    expect(edited).toMatchObject({ body: 'second words', kind: 'diagnosis', author: 'Ada', changes: 1 });
    // The same text again changes nothing, so it writes no revision.
    expect((await ok(call(annotationRoute.PATCH, 'PATCH', at(''), params, { body: 'second words' }), annotationDtoSchema)).changes).toBe(1);

    const deleted = await ok(call(annotationRoute.DELETE, 'DELETE', at('?author=Linus'), params), annotationDtoSchema);
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.changes).toBe(2);
    expect((await list()).map((x) => x.id)).not.toContain(a.id);
    expect((await list('?deleted=1')).find((x) => x.id === a.id)?.deletedAt).toBe(deleted.deletedAt);

    const history = await revisions(a);
    expect(history.map((r) => [r.action, r.kind, r.body, r.editor])).toEqual([
      ['created', 'note', 'first words', 'Ada'],
      ['edited', 'diagnosis', 'second words', 'Grace'],
      ['deleted', 'diagnosis', 'second words', 'Linus'],
    ]);

    const restored = await ok(call(restoreRoute.POST, 'POST', at('/restore'), params), annotationDtoSchema);
    expect(restored).toMatchObject({ deletedAt: null, changes: 3 });
    expect((await revisions(a)).at(-1)).toMatchObject({ action: 'restored', editor: 'anonymous' });
    expect((await list()).map((x) => x.id)).toContain(a.id);
  });

  it('answers 404 for an annotation through another incident', async () => {
    const [a] = await list();
    const params = { id: other, annotationId: a!.id };
    expect((await call(annotationRoute.PATCH, 'PATCH', `${base(other)}/${a!.id}`, params, { body: 'hijack' })).status).toBe(404);
    expect((await call(annotationRoute.DELETE, 'DELETE', `${base(other)}/${a!.id}`, params)).status).toBe(404);
    expect((await call(revisionsRoute.GET, 'GET', `${base(other)}/${a!.id}/revisions`, params)).status).toBe(404);
    expect((await call(restoreRoute.POST, 'POST', `${base(other)}/${a!.id}/restore`, params)).status).toBe(404);
  });
});

describe('the postmortem', () => {
  const url = () => `/api/incidents/${incident}/postmortem`;
  const storyCall = (method: 'PUT' | 'DELETE', kind: string, eventId: number, id = incident) =>
    call(method === 'PUT' ? storyRoute.PUT : storyRoute.DELETE, method, `/api/incidents/${id}/story/${kind}/${eventId}`, { id, kind, eventId: String(eventId) });

  it('reads as defaults before the first save, then as saved, by whom', async () => {
    expect(await ok(call(postmortemRoute.GET, 'GET', url(), { id: incident }), postmortemDtoSchema)).toEqual({
      title: '',
      summary: '',
      impact: '',
      updatedBy: '',
      updatedAt: null,
      story: [],
    });
    const saved = await ok(call(postmortemRoute.PUT, 'PUT', url(), { id: incident }, { title: 'Orders lost', summary: 'A *cache*', impact: '3%', author: 'Ada' }), postmortemDtoSchema);
    expect(saved).toMatchObject({ title: 'Orders lost', summary: 'A *cache*', impact: '3%', updatedBy: 'Ada' });
    expect(saved.updatedAt).not.toBeNull();
    expect(await issuesOf(call(postmortemRoute.PUT, 'PUT', url(), { id: incident }, { title: 'x'.repeat(301), summary: 1 }))).toEqual(['body.impact', 'body.summary', 'body.title']);
  });

  it('marks findings in and out of the story, only with the incident’s own events', async () => {
    const inStory = await ok(storyCall('PUT', divergence.kind, divergence.eventId), postmortemDtoSchema);
    expect(inStory.story).toEqual([{ kind: divergence.kind, eventId: divergence.eventId }]);
    // Marking twice is still once.
    expect((await ok(storyCall('PUT', divergence.kind, divergence.eventId), postmortemDtoSchema)).story).toHaveLength(1);
    expect((await ok(storyCall('DELETE', divergence.kind, divergence.eventId), postmortemDtoSchema)).story).toEqual([]);
    expect((await storyCall('PUT', divergence.kind, otherEvent.id)).status).toBe(404);
    expect(await issuesOf(storyCall('PUT', divergence.kind, -3))).toEqual(['params.eventId']);
    await ok(storyCall('PUT', divergence.kind, divergence.eventId), postmortemDtoSchema);
  });

  it('tells the narrative in aligned time with its evidence', async () => {
    const trigger = events.find((e) => e.id === divergence.eventId) ?? null;
    const onTrigger = await ok(create({ kind: 'trigger', target: { type: 'event', eventId: divergence.eventId }, body: 'it starts here' }), annotationDtoSchema, 201);
    const state = await ok(
      create({ kind: 'key_moment', target: { type: 'state', entity: divergence.entity!, field: divergence.field!, at: divergence.at + 1 }, body: 'they disagree' }),
      annotationDtoSchema,
      201,
    );
    const gone = await ok(create({ kind: 'note', target: { type: 'range', from: 0, to: 1 }, body: 'deleted' }), annotationDtoSchema, 201);
    await call(annotationRoute.DELETE, 'DELETE', `${base()}/${gone.id}`, { id: incident, annotationId: gone.id });

    const { items } = await ok(call(narrativeRoute.GET, 'GET', `/api/incidents/${incident}/postmortem/narrative`, { id: incident }), narrativeDtoSchema);
    expect(items.some((i) => i.annotation?.id === gone.id)).toBe(false);
    const timed = items.filter((i) => i.at !== null).map((i) => i.at!);
    expect(timed).toEqual([...timed].sort((a, b) => a - b));

    const finding = items.find((i) => i.finding !== null)!;
    expect(finding.finding).toMatchObject({ kind: divergence.kind, eventId: divergence.eventId, summary: divergence.summary, entity: divergence.entity, field: divergence.field });
    expect(finding.at).toBe(divergence.at);
    expect(finding.evidence.events[0]).toMatchObject({ id: divergence.eventId });
    if (trigger) expect(finding.evidence.events[0]!.raw).toBe(trigger.raw);
    expect(finding.evidence.witnesses).toMatchObject({ entity: divergence.entity, field: divergence.field });
    // The witness that triggered it holds a value at that moment.
    expect(finding.evidence.witnesses!.values.some((v) => v.held)).toBe(true);

    const eventItem = items.find((i) => i.annotation?.id === onTrigger.id)!;
    expect(eventItem.evidence.events.map((e) => e.id)).toEqual([divergence.eventId]);
    expect(eventItem.evidence.events[0]!.raw).toBe(finding.evidence.events[0]!.raw);
    // The trigger's annotation comes right after its finding: same instant, evidence first.
    expect(items.indexOf(eventItem)).toBeGreaterThan(items.indexOf(finding));

    const stateItem = items.find((i) => i.annotation?.id === state.id)!;
    expect(stateItem.at).toBe(divergence.at + 1);
    expect(stateItem.evidence.witnesses?.values.length).toBeGreaterThan(1);
    expect(stateItem.evidence.events).toHaveLength(1);
  });
});
