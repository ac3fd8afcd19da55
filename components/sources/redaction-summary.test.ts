import { describe, expect, it } from 'vitest';
import { redactionKinds, redactionLabel } from './redaction-summary';

describe('redaction summary', () => {
  it('labels a source by what redaction did', () => {
    expect(redactionLabel({ redacted: true, redactions: { header: 3, cookie: 8, jwt: 1 }, status: 'ready' })).toBe('12 secrets redacted');
    expect(redactionLabel({ redacted: true, redactions: { field: 1 }, status: 'failed' })).toBe('1 secret redacted');
    expect(redactionLabel({ redacted: true, redactions: {}, status: 'ready' })).toBe('no secrets found');
    expect(redactionLabel({ redacted: true, redactions: {}, status: 'parsing' })).toBe('redacting…');
    expect(redactionLabel({ redacted: false, redactions: {}, status: 'parsing' })).toBe('not redacted');
  });

  it('lists the kinds in a fixed order, with plurals', () => {
    expect(redactionKinds({ jwt: 2, header: 1, cookie: 0, param: 3, bearer: 1 })).toBe('1 header, 3 parameters, 1 bearer token, 2 JWTs');
    expect(redactionKinds({})).toBe('');
  });
});
