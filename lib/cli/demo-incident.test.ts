/**
 * The demo incident through the command line, as the analysis issue asks: for each of the five
 * stories of the brief, and for the whole incident, the exact first divergence (kind, entity,
 * source and locator) and every clock offset within 120 ms of the skew the generator applied.
 * The expectations come from where the generator wrote each record, not from the analysis.
 * Then the same evidence read on raw clocks (`--no-align`): the skews must change the answer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_BASE_TIME_MS, generateDemo } from '@/lib/domain/demo';
import type { ExpectedFinding } from '@/lib/domain/demo/types';
import type { Finding, Report } from '@/lib/domain/report/report';

const demo = generateDemo({ seed: 7, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
const dir = mkdtempSync(path.join(os.tmpdir(), 'witness-demo-'));
for (const file of demo.files) writeFileSync(path.join(dir, file.name), file.text);
const profile = path.join(dir, 'profile.json');
writeFileSync(profile, JSON.stringify(demo.profile));

function analyze(files: string[], ...flags: string[]): Report {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('lib', 'cli', 'main.ts'), 'analyze', '--profile', profile, ...flags, ...files.map((f) => path.join(dir, f))], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

function locatorOf(f: Finding): string {
  const { source: _source, ...locator } = f.event;
  return JSON.stringify(locator);
}

function expectFinding(actual: Finding | null | undefined, expected: ExpectedFinding): void {
  expect(actual, `no finding where ${expected.why}`).toBeTruthy();
  expect({ kind: actual!.kind, entity: actual!.entity, field: actual!.field, source: actual!.event.source, locator: locatorOf(actual!) }).toEqual({
    kind: expected.kind,
    entity: expected.entity,
    field: expected.field,
    source: expected.event.source,
    locator: JSON.stringify(expected.event.locator),
  });
}

function expectOffsets(report: Report, story: number | null): void {
  const domains = demo.expectations.domains.filter((d) => story === null || d.story === story);
  expect(domains.length).toBeGreaterThan(0);
  for (const d of domains) {
    const got = report.sources.find((s) => s.name === d.source)?.domains.find((x) => x.service === d.service);
    expect(got, `${d.source}/${d.service} has a domain`).toBeTruthy();
    expect({ domain: `${d.source}/${d.service}`, aligned: got!.aligned }).toEqual({ domain: `${d.source}/${d.service}`, aligned: d.alignable });
    expect(Math.abs(got!.offsetMs - d.skewMs), `${d.source}/${d.service}: offset ${got!.offsetMs}, skew ${d.skewMs}`).toBeLessThanOrEqual(120);
  }
}

const allFiles = demo.files.map((f) => f.name);

describe('the demo incident through the command line', () => {
  it.each(demo.expectations.stories)('story $story ($title): first divergence and clock offsets', (story) => {
    const report = analyze(story.files);
    expectFinding(report.firstDivergence, story.firstDivergence);
    for (const also of story.alsoExpected) {
      expect(report.findings.some((f) => f.kind === also.kind && f.event.source === also.event.source && locatorOf(f) === JSON.stringify(also.event.locator))).toBe(true);
    }
    for (const quiet of story.quietEntities) expect(report.findings.filter((f) => f.entity === quiet)).toEqual([]);
    expectOffsets(report, story.story);
  });

  it('the whole incident: the earliest story first, every entity keeps its own first divergence', () => {
    const report = analyze(allFiles);
    expectFinding(report.firstDivergence, demo.expectations.firstDivergence);
    for (const story of demo.expectations.stories) {
      const entity = story.firstDivergence.entity;
      if (entity === null) continue;
      expectFinding(report.findings.find((f) => f.entity === entity), story.firstDivergence);
    }
    expectOffsets(report, null);
  });

  it('on raw clocks (--no-align) a skewed witness invents conflicts; a one-host divergence stays', () => {
    const [roles, sold] = demo.expectations.stories;
    // Story 2: reporting runs 3.2 s ahead and follows each sale within the tolerance; read on raw
    // clocks it seems to lead inventory by seconds, so entities that were quiet now conflict.
    const raw = analyze(sold!.files, '--no-align');
    expect(raw.sources.flatMap((s) => s.domains).every((d) => d.offsetMs === 0 && !d.aligned)).toBe(true);
    expect(raw.findings.filter((f) => f.kind === 'conflict' && sold!.quietEntities.includes(f.entity ?? '')).length).toBeGreaterThan(0);
    expect(raw.firstDivergence?.entity).not.toBe(sold!.firstDivergence.entity);
    // Story 1: the second default role is seen by the database log alone; clocks cannot move it.
    expectFinding(analyze(roles!.files, '--no-align').firstDivergence, roles!.firstDivergence);
  });
});
