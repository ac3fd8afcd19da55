import { describe, expect, it } from 'vitest';
import { LEVEL_CODES } from '@/lib/domain/timeline/columnar-events';
import { LEVELS_BY_SEVERITY, isSevere, levelLabel, levelMark } from './level-colors';

describe('levelMark', () => {
  it('gives every level its own colour variable', () => {
    const vars = LEVELS_BY_SEVERITY.map((c) => levelMark(c).cssVar);
    expect(vars).toEqual(['--level-other', '--level-trace', '--level-debug', '--level-info', '--level-warn', '--level-error', '--level-fatal']);
  });

  it('tells errors apart without colour: full height, wider, capped', () => {
    const info = levelMark(LEVEL_CODES.info);
    const error = levelMark(LEVEL_CODES.error);
    const fatal = levelMark(LEVEL_CODES.fatal);
    expect(error.heightFraction).toBe(1);
    expect(info.heightFraction).toBeLessThan(error.heightFraction);
    expect(error.cap && fatal.cap && !info.cap).toBe(true);
    expect(fatal.widthPx).toBeGreaterThan(error.widthPx);
    expect(error.widthPx).toBeGreaterThan(info.widthPx);
  });

  it('never grows shorter as severity rises', () => {
    const heights = LEVELS_BY_SEVERITY.map((c) => levelMark(c).heightFraction);
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThanOrEqual(heights[i - 1]!);
  });

  it('draws unknown codes as "no level"', () => {
    expect(levelMark(42).name).toBe('none');
    expect(levelMark(-1).name).toBe('none');
    expect(levelMark(2.5).name).toBe('none');
    expect(levelLabel(0)).toBe('no level');
    expect(levelLabel(LEVEL_CODES.warn)).toBe('warn');
  });

  it('orders drawing least severe first', () => {
    expect(LEVELS_BY_SEVERITY).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(isSevere(LEVEL_CODES.error)).toBe(true);
    expect(isSevere(LEVEL_CODES.warn)).toBe(false);
  });
});
