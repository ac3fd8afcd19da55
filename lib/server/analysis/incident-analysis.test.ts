/**
 * A new analysis of an incident takes the events of its unchanged sources from the analysis
 * kept in memory instead of the database (load-analysis-input.ts). It must give exactly what a
 * fresh load gives: switching alignment reuses every source; adding one reuses the others; a
 * re-parsed source (new event ids) is read again. And the memory analyses may use
 * (analysis-memory.ts) is checked before the load and given back after it. On a real SQLite
 * file (or PostgreSQL with TEST_DATABASE_URL) and real corpus files.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { closeDb } from '../db/client';
import { ingestUpload } from '../ingest/ingest-upload';
import { reparseSource } from '../ingest/reparse-source';
import { createIncident } from '../queries/create-incident';
import { AnalysisTooLargeError } from '../errors';
import type { AnalyzedIncident } from './analyzed-incident';
import { analysisMemoryInUse, forgetIncidentAnalyses, getIncidentAnalysis, type AnalysisOptions } from './incident-analysis';
import { loadAnalysisInput } from './load-analysis-input';

// The real load, watched: the memory budget's tests check when it runs.
vi.mock('./load-analysis-input', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./load-analysis-input')>();
  return { ...actual, loadAnalysisInput: vi.fn(actual.loadAnalysisInput) };
});
const load = vi.mocked(loadAnalysisInput);

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-incident-analysis-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'incident-analysis');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

let incidentId = '';
const sourceIds: string[] = [];

async function upload(file: string): Promise<void> {
  const result = await ingestUpload({ incidentId, name: path.basename(file), body: createReadStream(corpusPath(file)), redact: false });
  expect(result.ok).toBe(true);
  if (result.ok) sourceIds.push(result.source.id);
}

/** The same analysis computed from the database alone, as another instance would. */
async function fresh(options: AnalysisOptions): Promise<AnalyzedIncident> {
  forgetIncidentAnalyses();
  const analyzed = await getIncidentAnalysis(incidentId, options);
  expect(analyzed.loaded.reusedSources).toBe(0);
  return analyzed;
}

function expectSame(reused: AnalyzedIncident, loaded: AnalyzedIncident): void {
  expect(reused.fingerprint).toBe(loaded.fingerprint);
  expect(reused.input).toEqual(loaded.input);
  expect([...reused.eventIds]).toEqual([...loaded.eventIds]);
  expect(reused.analysis).toEqual(loaded.analysis);
}

beforeAll(async () => {
  incidentId = (await createIncident({ name: 'reuse' })).id;
  await upload('logs/all.log');
  await upload('har/timed_out.har');
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('an analysis after another of the same incident', () => {
  it('reuses every source when only the alignment switch changed', async () => {
    const aligned = await fresh({ alignment: true });
    const raw = await getIncidentAnalysis(incidentId, { alignment: false });
    expect(raw.loaded.reusedSources).toBe(2);
    // Taken from the analysis in memory, not read again: the very objects it held.
    expect(raw.input.events.attributes[0]).toBe(aligned.input.events.attributes[0]);
    expectSame(raw, await fresh({ alignment: false }));
  });

  it('reuses the sources it has and reads a new one', async () => {
    await fresh({ alignment: true });
    await upload('otlp/trace.json');
    const reused = await getIncidentAnalysis(incidentId, { alignment: true });
    expect(reused.loaded.reusedSources).toBe(2);
    expect(reused.input.events.source.filter((source) => source === 2).length).toBeGreaterThan(0);
    expectSame(reused, await fresh({ alignment: true }));
  });

  it('reads a re-parsed source again: its events have new ids', async () => {
    const before = await fresh({ alignment: true });
    const result = await reparseSource(sourceIds[0]!);
    expect(result.ok).toBe(true);
    const reused = await getIncidentAnalysis(incidentId, { alignment: true });
    expect(reused.loaded.reusedSources).toBe(2);
    expect([...reused.eventIds]).not.toEqual([...before.eventIds]);
    expectSame(reused, await fresh({ alignment: true }));
  });
});

describe('the memory analyses may use', () => {
  it('refuses an incident too large for it before loading anything', async () => {
    forgetIncidentAnalyses();
    load.mockClear();
    // 10 KB: far less than these sources need.
    vi.stubEnv('WITNESS_ANALYSIS_MEMORY_MB', '0.01');
    try {
      await expect(getIncidentAnalysis(incidentId, { alignment: true })).rejects.toBeInstanceOf(AnalysisTooLargeError);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(load).not.toHaveBeenCalled();
    expect(analysisMemoryInUse()).toBe(0);
  });

  it('is held while an analysis loads and given back when the load fails', async () => {
    forgetIncidentAnalyses();
    let heldDuringLoad = 0;
    load.mockImplementationOnce(async () => {
      heldDuringLoad = analysisMemoryInUse();
      throw new Error('the database went away');
    });
    await expect(getIncidentAnalysis(incidentId, { alignment: true })).rejects.toThrow('the database went away');
    expect(heldDuringLoad).toBeGreaterThan(0);
    expect(analysisMemoryInUse()).toBe(0);
    // The next one goes ahead.
    expect((await getIncidentAnalysis(incidentId, { alignment: true })).input.events.length).toBeGreaterThan(0);
    expect(analysisMemoryInUse()).toBe(0);
  });
});
