import { describe, expect, it } from 'vitest';
import { pagePath, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps local paths with their query', () => {
    expect(safeNextPath('/incidents/abc?view=timeline&event=4')).toBe('/incidents/abc?view=timeline&event=4');
    expect(safeNextPath('/')).toBe('/');
  });

  it('sends everything else home: other sites, protocol-relative and backslash tricks, control characters', () => {
    for (const bad of [undefined, null, 42, '', 'incidents', 'https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', '/a\nb', '/\tx']) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
});

describe('pagePath', () => {
  it('rebuilds path and query from a page’s search params', () => {
    expect(pagePath('/incidents/x', { view: 'findings', kind: ['conflict', 'retry'], none: undefined })).toBe('/incidents/x?view=findings&kind=conflict&kind=retry');
    expect(pagePath('/')).toBe('/');
  });
});
