import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../event';
import { DiagnosticLimiter, Tally } from './diagnostic-limit';

function limiter(max: number): { problems: DiagnosticLimiter; out: Diagnostic[] } {
  const out: Diagnostic[] = [];
  return { problems: new DiagnosticLimiter({ event: () => {}, diagnostic: (d) => out.push(d) }, max), out };
}

describe('DiagnosticLimiter', () => {
  it('prefixes reasons with the locator, caps each code, and closes with "N more" at the first suppressed', () => {
    const { problems, out } = limiter(2);
    for (let line = 1; line <= 5; line++) problems.report({ line }, 'not-json', 'line is not JSON');
    problems.report(null, 'bom', 'starts with a BOM');
    problems.flush();
    expect(out).toEqual([
      { locator: { line: 1 }, code: 'not-json', message: 'line 1: line is not JSON' },
      { locator: { line: 2 }, code: 'not-json', message: 'line 2: line is not JSON' },
      { locator: null, code: 'bom', message: 'starts with a BOM' },
      { locator: { line: 3 }, code: 'not-json', message: '3 more not-json problems not listed (5 in all)' },
    ]);
  });

  it('counts worded diagnostics (add) against the same cap as reasons (report)', () => {
    const { problems, out } = limiter(1);
    problems.add({ locator: { index: 0 }, code: 'truncated', message: 'cut at 0' });
    problems.report({ index: 1 }, 'truncated', 'cut at 1');
    problems.flush();
    expect(out.map((d) => d.message)).toEqual(['cut at 0', '1 more truncated problems not listed (2 in all)']);
  });
});

describe('Tally', () => {
  it('counts and remembers the first locator', () => {
    const tally = new Tally();
    tally.add({ line: 4 });
    tally.add({ line: 9 });
    expect(tally).toMatchObject({ count: 2, first: { line: 4 } });
  });
});
