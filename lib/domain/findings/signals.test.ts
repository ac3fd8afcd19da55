import { describe, expect, it } from 'vitest';
import { T0, type EventSpec } from '@/lib/test-support/incident-fixture';
import { findHttpErrors } from './http-errors';
import { findNoResponses } from './no-response';
import { findReordered } from './reordered';
import { findRetries } from './retry';
import { profileSchema } from '../../schemas/profile';
import type { IncidentSpec } from '@/lib/test-support/incident-fixture';
import { contextWith, eventIn } from '@/lib/test-support/run-fixture';

const contextFor = (spec: IncidentSpec, profile: unknown = null) => contextWith(spec, profile === null ? null : profileSchema.parse(profile));

const harEntry = (t: number, duration: number, path: string, status: string, extra: Partial<EventSpec> = {}): EventSpec => ({
  source: 'admin.har',
  t,
  duration,
  name: `GET ${path}`,
  status,
  attributes: { method: 'GET', path },
  ...extra,
});

describe('signals', () => {
  it('http_5xx for HTTP statuses 500-599, span_error for failed spans', () => {
    const ctx = contextFor({
      sources: [{ name: 'admin.har', format: 'har' }, { name: 'traces.json', format: 'otlp' }, { name: 'api.log' }],
      events: [
        harEntry(0, 120, '/api/items/7', '503'),
        harEntry(10, 10, '/api/items/8', '404'),
        { source: 'traces.json', t: 0, duration: 50, spanId: 's1', name: 'charge', status: 'ERROR', message: 'card declined', service: 'payments' },
        { source: 'traces.json', t: 0, duration: 50, spanId: 's2', name: 'charge', status: 'OK', service: 'payments' },
        { source: 'api.log', t: 300, name: 'POST /api/orders', status: '500' },
        { source: 'api.log', t: 400, status: '5000' },
      ],
    });
    const found = findHttpErrors(ctx);
    expect(found.map((s) => [s.kind, s.event, s.at - T0])).toEqual([
      ['http_5xx', eventIn(ctx, 'admin.har', 0), 120],
      ['span_error', eventIn(ctx, 'traces.json', 0), 50],
      ['http_5xx', eventIn(ctx, 'api.log', 0), 300],
    ]);
    expect(found[0]?.summary).toBe('admin.har: GET /api/items/7 answered 503 at 10:00:00.120');
    expect(found[1]?.summary).toBe('traces.json: span charge failed at 10:00:00.050: card declined');
  });

  it('no_response for HAR entries with status 0', () => {
    const ctx = contextFor({
      sources: [{ name: 'admin.har', format: 'har' }, { name: 'api.log' }],
      events: [harEntry(0, 10, '/a', '0', { message: 'net::ERR_INTERNET_DISCONNECTED' }), harEntry(5, 10, '/b', '200'), { source: 'api.log', t: 0, status: '0' }],
    });
    expect(findNoResponses(ctx)).toEqual([
      {
        kind: 'no_response',
        at: T0,
        event: eventIn(ctx, 'admin.har', 0),
        request: -1,
        evidence: [],
        summary: 'admin.har: GET /a sent at 10:00:00.000 never got a response (net::ERR_INTERNET_DISCONNECTED)',
      },
    ]);
  });

  it('retry: the same name repeated in one request by one witness', () => {
    const ctx = contextFor({
      sources: [{ name: 'roles.log' }, { name: 'db.log' }],
      events: [
        { source: 'roles.log', t: 0, requestId: 'c-1', name: 'create default role' },
        { source: 'roles.log', t: 900, requestId: 'c-1', name: 'create default role' },
        { source: 'roles.log', t: 1900, requestId: 'c-1', name: 'create default role' },
        { source: 'db.log', t: 10, requestId: 'c-1', name: 'create default role' }, // another witness: not a retry
        { source: 'roles.log', t: 50, requestId: 'c-2', name: 'create default role' }, // another request
      ],
    });
    const found = findRetries(ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'retry',
      at: T0 + 900,
      event: eventIn(ctx, 'roles.log', 1),
      evidence: [eventIn(ctx, 'roles.log', 0), eventIn(ctx, 'roles.log', 2)],
    });
    expect(found[0]?.summary).toBe('roles.log: create default role ran 3 times in request c-1 (first at 10:00:00.000, again at 10:00:00.900)');
  });

  it('retry in a request with many distinct names (past the linear search)', () => {
    const events: EventSpec[] = Array.from({ length: 40 }, (_, i) => ({ source: 'roles.log', t: i, requestId: 'c-1', name: `step ${i}` }));
    events.push({ source: 'roles.log', t: 100, requestId: 'c-1', name: 'step 35' });
    const ctx = contextFor({ sources: [{ name: 'roles.log' }], events });
    expect(findRetries(ctx).map((s) => [s.event, s.evidence])).toEqual([[eventIn(ctx, 'roles.log', 40), [eventIn(ctx, 'roles.log', 35)]]]);
  });

  it('reordered: one client, same method and path, completed in the opposite order of their starts', () => {
    const ctx = contextFor({
      sources: [{ name: 'admin.har', format: 'har' }, { name: 'web.log' }],
      events: [
        harEntry(0, 900, '/api/items/7', '200'), // started first, completed last
        harEntry(100, 200, '/api/items/7', '200'),
        harEntry(150, 900, '/api/items/8', '200'), // another path
        harEntry(200, 1000, '/api/items/7', '0'), // never completed
        { source: 'web.log', t: 0, duration: 500, name: 'GET /x', sessionId: 's-1' },
        { source: 'web.log', t: 100, duration: 100, name: 'GET /x', sessionId: 's-2' }, // another client
      ],
    });
    const found = findReordered(ctx);
    expect(found).toEqual([
      {
        kind: 'reordered',
        at: T0 + 900,
        event: eventIn(ctx, 'admin.har', 0),
        request: -1,
        evidence: [eventIn(ctx, 'admin.har', 1)],
        summary: 'admin.har: GET /api/items/7 started at 10:00:00.000 completed at 10:00:00.900, after the same call started later (10:00:00.100) completed at 10:00:00.300',
      },
    ]);
  });

  it('reordered in logs of one session', () => {
    const ctx = contextFor({
      sources: [{ name: 'web.log' }],
      events: [
        { source: 'web.log', t: 0, duration: 500, name: 'GET /x', sessionId: 's-1' },
        { source: 'web.log', t: 100, duration: 100, name: 'GET /x', sessionId: 's-1' },
        { source: 'web.log', t: 150, duration: 500, name: 'GET /x', sessionId: 's-1' },
      ],
    });
    expect(findReordered(ctx).map((s) => s.event)).toEqual([eventIn(ctx, 'web.log', 0)]);
  });
});
