import { describe, expect, it } from 'vitest';
import { parseSharedApiPath, shareScopeAllows } from './share-scope';

const T = 'A'.repeat(43);

describe('parseSharedApiPath', () => {
  it('finds the token and the decoded rest of /api/incidents/share~TOKEN/...', () => {
    expect(parseSharedApiPath(`/api/incidents/share~${T}`)).toEqual({ token: T, rest: [] });
    expect(parseSharedApiPath(`/api/incidents/share~${T}/`)).toEqual({ token: T, rest: [] });
    expect(parseSharedApiPath(`/api/incidents/share~${T}/events/42`)).toEqual({ token: T, rest: ['events', '42'] });
    expect(parseSharedApiPath(`/api/incidents/share%7E${T}/%73hares`)).toEqual({ token: T, rest: ['shares'] });
    expect(parseSharedApiPath(`/api/incidents/share~${T}/entities/order%3AO-1`)).toEqual({ token: T, rest: ['entities', 'order:O-1'] });
  });

  it('is null for every other path', () => {
    expect(parseSharedApiPath('/api/incidents/abc123def456/events')).toBeNull();
    expect(parseSharedApiPath(`/api/sources/share~${T}/raw`)).toBeNull();
    expect(parseSharedApiPath('/api/incidents')).toBeNull();
    expect(parseSharedApiPath(`/api/incidents/share~${T}/%E0%A4%A`)).toBeNull();
    // Ids may hold a slash (an entity key), so the segment keeps it, decoded.
    expect(parseSharedApiPath(`/api/incidents/share~${T}/entities/page%3A%2Fa%2Fb`)).toEqual({ token: T, rest: ['entities', 'page:/a/b'] });
  });
});

describe('shareScopeAllows', () => {
  it('lets a link only read', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(shareScopeAllows('investigation', method, ['annotations'])).toBe(false);
      expect(shareScopeAllows('postmortem', method, ['postmortem'])).toBe(false);
    }
    expect(shareScopeAllows('investigation', 'HEAD', ['events'])).toBe(true);
  });

  it('keeps a postmortem link to the postmortem, its export, the annotations list and their histories', () => {
    for (const rest of [['postmortem'], ['postmortem', 'narrative'], ['postmortem.md'], ['annotations'], ['annotations', 'x', 'revisions']]) {
      expect(shareScopeAllows('postmortem', 'GET', rest)).toBe(true);
    }
    for (const rest of [[], ['investigation'], ['events'], ['report'], ['sources'], ['annotations', 'x'], ['annotations', 'x', 'restore'], ['annotations', 'x/y', 'revisions'], ['postmortem', 'narrative', 'x'], ['postmortem/narrative'], ['bundle'], ['shares']]) {
      expect({ rest, allowed: shareScopeAllows('postmortem', 'GET', rest) }).toEqual({ rest, allowed: false });
    }
  });

  it('opens the investigation views to an investigation link, not share management, exports or raw bytes', () => {
    const allowed = [[], ['investigation'], ['timeline'], ['timeline', 'step'], ['requests', 'r-1'], ['entities', 'order:1'], ['events'], ['events', '42'], ['events', 'facets'], ['report'], ['sources'], ['profile'], ['profile', 'suggestions'], ['annotations'], ['postmortem'], ['postmortem.md']];
    for (const rest of allowed) expect({ rest, allowed: shareScopeAllows('investigation', 'GET', rest) }).toEqual({ rest, allowed: true });
    const refused = [['shares'], ['shares', 'abc'], ['bundle'], ['sources', 'abc', 'raw'], ['raw'], ['something-new']];
    for (const rest of refused) expect({ rest, allowed: shareScopeAllows('investigation', 'GET', rest) }).toEqual({ rest, allowed: false });
  });
});
