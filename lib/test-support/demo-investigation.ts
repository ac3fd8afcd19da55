/**
 * Test support for lib/domain/investigate: the demo incident (every file, or one story's) parsed
 * and analyzed in memory as the command line does, with database-like ids that differ from the
 * event indexes (so a test catches an index passed off as an id), plus lookups from the demo's
 * expectations (a source and a locator) to event indexes.
 */
import { analyzeEvidence } from '@/lib/domain/analysis/analyze';
import type { AnalysisEvent, AnalysisInput } from '@/lib/domain/analysis/input';
import { DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, generateDemo } from '@/lib/domain/demo';
import type { DemoIncident, ExpectedEventRef } from '@/lib/domain/demo/types';
import type { Investigated } from '@/lib/domain/investigate/investigated';
import { parseText } from '@/lib/domain/parse';
import { buildEventColumns, type EventColumns, type TimeMode } from '@/lib/domain/timeline/columnar-events';
import { buildLanes } from '@/lib/domain/timeline/lanes';
import { EventTable } from '@/lib/domain/analysis/event-table';

export const demo: DemoIncident = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });

/** Event index -> id: 1000 + 7 x index, so ids and indexes never coincide. */
export const idOfIndex = (index: number): number => 1000 + 7 * index;

export interface DemoInvestigation extends Investigated {
  columns: Record<TimeMode, EventColumns>;
}

/** The demo's files (all, or those named) analyzed with the demo profile. */
export function demoInvestigation(files: readonly string[] = demo.files.map((f) => f.name), alignment = true): DemoInvestigation {
  const events: AnalysisEvent[] = [];
  const sources = files.map((name, source) => {
    const file = demo.files.find((f) => f.name === name)!;
    const parsed = parseText(file.text, name);
    parsed.events.forEach(({ raw: _raw, ...event }, seq) => events.push({ ...event, source, seq }));
    return { name, format: parsed.format };
  });
  const input: AnalysisInput = { sources, events: EventTable.of(events) };
  const analysis = analyzeEvidence(input, { profile: demo.profile, alignment });
  const lanes = buildLanes(input.sources, analysis.alignment);
  const eventIds = Float64Array.from(events, (_, i) => idOfIndex(i));
  const columns = {
    aligned: buildEventColumns(input, analysis.alignment, lanes.laneOfDomain, 'aligned'),
    raw: buildEventColumns(input, analysis.alignment, lanes.laneOfDomain, 'raw'),
  };
  return { input, analysis, eventIds, sourceIds: files.map((_, i) => `src${i}`), profile: demo.profile, lanes, columns };
}

/** The index of the event a demo expectation names. */
export function indexOfRef(subject: Investigated, ref: ExpectedEventRef): number {
  const source = subject.input.sources.findIndex((s) => s.name === ref.source);
  const wanted = JSON.stringify(ref.locator);
  const index = subject.input.events.toArray().findIndex((e) => e.source === source && JSON.stringify(e.locator) === wanted);
  if (index < 0) throw new Error(`no event at ${ref.source} ${wanted}`);
  return index;
}
