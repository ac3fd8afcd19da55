import { describe, expect, it } from 'vitest';
import type { RedactionCounts } from './redaction-counts';
import { redactUrlQuery } from './redact-url-query';

describe('redactUrlQuery', () => {
  it('redacts secret parameters by the HAR parameter rule, keeping path, other parameters and fragment', () => {
    const counts: RedactionCounts = {};
    expect(redactUrlQuery('https://a.test/cb?session=s1&page=2&api%5Fkey=k1&key=AIza1#auth=x', counts)).toBe('https://a.test/cb?session=[REDACTED]&page=2&api%5Fkey=[REDACTED]&key=[REDACTED]#auth=x');
    expect(counts).toEqual({ param: 3 });
  });

  it('leaves URLs without secret parameters as they are', () => {
    const counts: RedactionCounts = {};
    for (const url of ['https://a.test/items', 'https://a.test/items?page=2&q=x', 'https://a.test/?token=', 'https://a.test/?token=[REDACTED]']) expect(redactUrlQuery(url, counts)).toBe(url);
    expect(counts).toEqual({});
  });
});
