/**
 * The command line as a user runs it: a real process, real corpus files, exit codes and
 * stdout/stderr (spec section 7).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function witness(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('lib', 'cli', 'main.ts'), ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'witness-cli-'));

describe('witness analyze', () => {
  it('prints the sources of the report with formats, counts and one clock domain per service', () => {
    const gz = path.join(tmp, 'trace.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(corpusPath('otlp/getTrace-response.json'))));
    const run = witness('analyze', corpusPath('logs/all.log'), corpusPath('har/chrome.har'), corpusPath('logs/apache_logs'), gz);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { sources: Array<Record<string, unknown>>; findings: unknown[]; firstDivergence: unknown };
    expect(report.sources.map((s) => [s.name, s.format, s.events, s.unparsed])).toEqual([
      ['all.log', 'jsonl', 18, 4],
      ['chrome.har', 'har', 3, 0],
      ['apache_logs', 'access-log', 10000, 0],
      ['trace.json.gz', 'otlp', 92, 0],
    ]);
    const domains = report.sources[3]?.domains as Array<{ service: string; offsetMs: number; aligned: boolean }>;
    expect(domains.map((d) => d.service).sort()).toEqual(['customer', 'driver', 'frontend', 'mysql', 'redis-manual', 'route']);
    // The HotROD services call each other inside one trace: parent spans contain their children,
    // so every domain is aligned; the single HAR and the Apache log share no request with anything.
    expect(domains.every((d) => d.aligned && Number.isFinite(d.offsetMs))).toBe(true);
    expect(report.sources[2]?.domains).toEqual([{ service: 'apache_logs', offsetMs: 0, offsetRangeMs: null, constraints: 0, aligned: false }]);
    expect(report.findings).toEqual([]);
    expect(report.firstDivergence).toBeNull();
  });

  it('keeps an undetectable file in the report with its error and names it on stderr', () => {
    const odd = path.join(tmp, 'notes.txt');
    writeFileSync(odd, 'just some words\nwithout any structure\nat all\n');
    const run = witness('analyze', odd, corpusPath('logs/logfile_logfmt.0'));
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { sources: Array<{ name: string; format: string | null; error?: string }> };
    expect(report.sources[0]).toMatchObject({ name: 'notes.txt', format: null, events: 0 });
    expect(report.sources[0]?.error).toMatch(/notes\.txt: format not recognized; tried .*logfmt/);
    expect(report.sources[1]).toMatchObject({ name: 'logfile_logfmt.0', format: 'logfmt', events: 5 });
    expect(run.stderr).toContain('notes.txt');
  });

  it('exits 1 with a clear message when a file cannot be read', () => {
    const run = witness('analyze', corpusPath('logs/withreq.log'), path.join(tmp, 'missing.log'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('missing.log: cannot read (no such file)');
  });

  it('exits 2 on usage errors', () => {
    expect(witness().status).toBe(2);
    expect(witness('analyze').status).toBe(2);
    const unknown = witness('analyse', 'x.log');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "analyse"');
    expect(witness('analyze', '--fast', 'x.log').status).toBe(2);
  });

  it('exits 2 with the path of each problem when the profile is invalid', () => {
    const profile = path.join(tmp, 'profile.json');
    writeFileSync(profile, JSON.stringify({ entities: [{ type: 'item', keys: ['item_id'], state: [] }], toleranceMs: -5 }));
    const run = witness('analyze', '--profile', profile, corpusPath('logs/withreq.log'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('entities.0.state');
    expect(run.stderr).toContain('toleranceMs');
  });
});
