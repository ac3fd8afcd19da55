/**
 * The postmortem's Markdown export and the incident bundle, through the real route handlers on a
 * real SQLite file: one demo story (three files, the demo profile) with annotations of every
 * target type (one edited, one deleted), a postmortem and a story finding. The Markdown carries
 * the team's words, the evidence lines and witness values; the bundle, imported as a new
 * incident, gives the same events, report, annotations (with history) and story.
 *
 * Route modules are imported from app/ on purpose (see upload-api.test.ts).
 */
/* eslint-disable no-restricted-imports -- drives the route handlers, like upload-api.test.ts */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import * as bundleRoute from '@/app/api/incidents/[id]/bundle/route';
import * as markdownRoute from '@/app/api/incidents/[id]/postmortem.md/route';
import * as reportRoute from '@/app/api/incidents/[id]/report/route';
import * as sourcesRoute from '@/app/api/incidents/[id]/sources/route';
import * as importRoute from '@/app/api/incidents/import/route';
import * as incidentsRoute from '@/app/api/incidents/route';
import { DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, generateDemo } from '@/lib/domain/demo';
import type { Report } from '@/lib/domain/report/report';
import { bundleSchema } from '@/lib/schemas/bundle';
import { incidentDtoSchema } from '@/lib/schemas/incident';
import { closeDb, getDb } from '../db/client';
import { newId } from '../ids';
import { storedRawText } from '@/lib/test-support/stored-raw-text';
import { requireIncidentNumber } from '../db/incident-number';
import { eventOwner } from '../db/event-owner';

const BASE = 'http://witness.test';
const tmp = mkdtempSync(path.join(tmpdir(), 'witness-bundle-api-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'bundle-api');
process.env.BLOB_DIR = path.join(tmp, 'blobs');
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

const demo = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
const story = demo.expectations.stories.find((s) => s.files.length <= 3)!;
const fileText = new Map(demo.files.map((f) => [f.name, f.text]));

let incidentId = '';
let report: Report;
/** The first divergence's triggering event, as stored. */
let trigger: { id: number; raw: string };

async function getReport(id: string): Promise<Report> {
  const response = await reportRoute.GET(new Request(`${BASE}/api/incidents/${id}/report`), ctx(id));
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}

async function eventAt(id: string, source: string, locator: { line?: number; index?: number; spanId?: string }) {
  const { prisma } = await getDb();
  const { id: sourceId } = await prisma.source.findFirstOrThrow({ where: { incidentId: id, name: source }, select: { id: true } });
  const row = await prisma.event.findFirst({
    where: { ...(await eventOwner(prisma, sourceId))!, line: locator.line ?? undefined, idx: locator.index ?? undefined, spanId: locator.spanId ?? undefined },
    select: { id: true },
  });
  return { id: row!.id, raw: await storedRawText(prisma, row!.id) };
}

beforeAll(async () => {
  const created = await incidentsRoute.POST(new Request(`${BASE}/api/incidents`, { method: 'POST', body: JSON.stringify({ name: 'roles story' }) }), { params: Promise.resolve({}) });
  incidentId = incidentDtoSchema.parse(await created.json()).id;
  for (const name of story.files) {
    const request = new Request(`${BASE}/api/incidents/${incidentId}/sources?name=${encodeURIComponent(name)}`, { method: 'POST', body: fileText.get(name)! });
    expect((await sourcesRoute.POST(request, ctx(incidentId))).status).toBe(201);
  }
  const { prisma } = await getDb();
  await prisma.incident.update({ where: { id: incidentId }, data: { profile: JSON.stringify(demo.profile) } });
  report = await getReport(incidentId);
  const first = report.firstDivergence!;
  const { source, ...locator } = first.event;
  trigger = await eventAt(incidentId, source, locator);

  const at = Date.parse(first.at);
  const annotation = (data: Record<string, unknown>) =>
    prisma.annotation.create({ data: { id: newId(), incidentId, author: 'dana', ...data } as never });
  const triggerNote = await annotation({ kind: 'trigger', targetType: 'event', eventId: trigger.id, body: 'The retry re-created the **default** role.' });
  await prisma.annotationRevision.createMany({
    data: [
      { annotationId: triggerNote.id, action: 'created', kind: 'trigger', body: 'The retry re-created the role.', editor: 'dana' },
      { annotationId: triggerNote.id, action: 'edited', kind: 'trigger', body: 'The retry re-created the **default** role.', editor: 'eli' },
    ],
  });
  await annotation({ kind: 'diagnosis', targetType: 'state', entity: first.entity, field: first.field, at, body: 'Two roles claim to be the default.' });
  await annotation({ kind: 'repair', targetType: 'range', at: at + 60_000, endAt: at + 120_000, body: 'Deleted the duplicate role.' });
  await annotation({ kind: 'note', targetType: 'event', eventId: trigger.id, body: 'withdrawn', deletedAt: new Date() });
  await prisma.postmortem.create({ data: { incidentId, title: 'Two default roles', summary: 'A retry read a stale list.', impact: '1 org affected.', updatedBy: 'dana' } });
  await prisma.storyFinding.create({ data: { incidentId, kind: first.kind, eventId: trigger.id, addedBy: 'dana' } });
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the postmortem as Markdown', () => {
  it('has the team words, the narrative with its evidence, and not what was deleted', async () => {
    const response = await markdownRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/postmortem.md`), ctx(incidentId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    const md = await response.text();
    expect(md.startsWith('# Two default roles\n')).toBe(true);
    expect(md).toContain('## Summary\n\nA retry read a stale list.');
    expect(md).toContain('## Impact\n\n1 org affected.');
    expect(md).toContain('The retry re-created the **default** role.');
    expect(md).toContain('Two roles claim to be the default.');
    expect(md).toContain('Deleted the duplicate role.');
    expect(md).not.toContain('withdrawn');
    // The trigger's raw line as evidence, the story finding with its summary, witness values for the state note.
    expect(md).toContain(trigger.raw);
    expect(md).toContain(`finding: ${report.firstDivergence!.kind}`);
    expect(md).toMatch(/\| witness \| value \|\n\| --- \| --- \|\n\| .+ \| true \|/);
    // Narrative order: the trigger (at the first divergence) before the repair a minute later.
    expect(md.indexOf('Deleted the duplicate role.')).toBeGreaterThan(md.indexOf('The retry re-created'));
    const download = await markdownRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/postmortem.md?download=1`), ctx(incidentId));
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="roles-story-postmortem\.md"/);
  });

  it('is a 404 for an unknown incident', async () => {
    const unknown = newId();
    expect((await markdownRoute.GET(new Request(`${BASE}/api/incidents/${unknown}/postmortem.md`), ctx(unknown))).status).toBe(404);
  });
});

describe('the incident bundle', () => {
  it('round-trips: the imported incident has the same events, report, annotations with history, postmortem and story', async () => {
    const exported = await bundleRoute.GET(new Request(`${BASE}/api/incidents/${incidentId}/bundle`), ctx(incidentId));
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const bundle = bundleSchema.parse(JSON.parse(text));
    expect(bundle.sources.map((s) => s.name)).toEqual(story.files);
    // The bytes are the stored bytes: here, the files as uploaded.
    expect(bundle.sources.map((s) => Buffer.from(s.bytes, 'base64').toString('utf8'))).toEqual(story.files.map((f) => fileText.get(f)));
    expect(bundle.annotations).toHaveLength(4);

    const imported = await importRoute.POST(new Request(`${BASE}/api/incidents/import`, { method: 'POST', body: text }), { params: Promise.resolve({}) });
    expect(imported.status).toBe(201);
    const result = (await imported.json()) as { incident: { id: string; events: number }; failedSources: unknown[]; dropped: { annotations: number; story: number } };
    expect(result.failedSources).toEqual([]);
    expect(result.dropped).toEqual({ annotations: 0, story: 0 });
    const copyId = result.incident.id;
    expect(copyId).not.toBe(incidentId);

    const { prisma } = await getDb();
    const [copyNumber, number] = [await requireIncidentNumber(prisma, copyId), await requireIncidentNumber(prisma, incidentId)];
    expect(copyNumber).not.toBe(number);
    expect(await prisma.event.count({ where: { incidentNumber: copyNumber } })).toBe(await prisma.event.count({ where: { incidentNumber: number } }));
    const copyReport = await getReport(copyId);
    expect(copyReport.findings).toEqual(report.findings);
    expect(copyReport.firstDivergence).toEqual(report.firstDivergence);

    const notes = await prisma.annotation.findMany({ where: { incidentId: copyId }, include: { revisions: { orderBy: { id: 'asc' } } }, orderBy: { createdAt: 'asc' } });
    const triggerCopy = notes.find((n) => n.kind === 'trigger')!;
    const copiedEvent = await prisma.event.findUnique({ where: { id: triggerCopy.eventId! }, select: { incidentNumber: true } });
    expect(copiedEvent).toEqual({ incidentNumber: copyNumber });
    expect(await storedRawText(prisma, triggerCopy.eventId!)).toBe(trigger.raw);
    expect(triggerCopy.revisions.map((r) => [r.action, r.editor])).toEqual([
      ['created', 'dana'],
      ['edited', 'eli'],
    ]);
    expect(notes.filter((n) => n.deletedAt !== null).map((n) => n.body)).toEqual(['withdrawn']);
    expect(notes.find((n) => n.kind === 'range' || n.targetType === 'range')).toMatchObject({ body: 'Deleted the duplicate role.' });

    const pm = await prisma.postmortem.findUnique({ where: { incidentId: copyId } });
    expect(pm).toMatchObject({ title: 'Two default roles', summary: 'A retry read a stale list.', impact: '1 org affected.' });
    const storyCopy = await prisma.storyFinding.findMany({ where: { incidentId: copyId } });
    expect(storyCopy).toHaveLength(1);
    expect(await storedRawText(prisma, storyCopy[0]!.eventId)).toBe(trigger.raw);
    expect((await prisma.incident.findUnique({ where: { id: copyId } }))!.profile).toBe(JSON.stringify(demo.profile));
  });

  it('refuses a document that is not a bundle, naming what is wrong', async () => {
    const response = await importRoute.POST(new Request(`${BASE}/api/incidents/import`, { method: 'POST', body: JSON.stringify({ format: 'zip' }) }), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toContain('body.format');
  });
});
