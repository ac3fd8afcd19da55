import { describe, expect, it } from 'vitest';
import { T0, type EventSpec } from '@/lib/test-support/incident-fixture';
import { findStaleWrites } from './stale-write';
import { profileSchema } from '../../schemas/profile';
import type { IncidentSpec } from '@/lib/test-support/incident-fixture';
import { contextWith, eventIn } from '@/lib/test-support/run-fixture';

const contextFor = (spec: IncidentSpec, profile: unknown = null) => contextWith(spec, profile === null ? null : profileSchema.parse(profile));

const sources = [{ name: 'api.log' }, { name: 'store.log' }];
/** The request starts in the API at `t`. */
const started = (requestId: string, t: number): EventSpec => ({ source: 'api.log', t, requestId, name: 'PUT /api/items/7' });
const applied = (requestId: string | undefined, t: number, stock: number): EventSpec => ({
  source: 'store.log',
  t,
  requestId,
  attributes: { entity: 'item:7', state: { stock } },
});

describe('stale_write', () => {
  it('two requests completing in reverse order: applying the older one last is stale', () => {
    const ctx = contextFor({
      sources,
      events: [started('r-1', 0), started('r-2', 200), applied('r-2', 500, 4), applied(undefined, 600, 4), applied('r-1', 800, 5)],
    });
    const found = findStaleWrites(ctx);
    const r1 = ctx.groups.groupOf[eventIn(ctx, 'api.log', 0)];
    expect(found).toEqual([
      {
        kind: 'stale_write',
        at: T0 + 800,
        event: eventIn(ctx, 'store.log', 2),
        entity: 'item:7',
        field: 'stock',
        request: r1,
        evidence: [eventIn(ctx, 'api.log', 0), eventIn(ctx, 'api.log', 1), eventIn(ctx, 'store.log', 0)],
        summary:
          'item:7: store.log applied stock=5 from request r-1 (started 10:00:00.000) at 10:00:00.800, after stock=4 from request r-2, which started later (10:00:00.200): an older result overwrote a newer one',
      },
    ]);
  });

  it('no stale write when results apply in intent order, or a result repeats, or the value is the same', () => {
    const inOrder = contextFor({ sources, events: [started('r-1', 0), started('r-2', 200), applied('r-1', 500, 5), applied('r-2', 800, 4), applied('r-2', 900, 4)] });
    expect(findStaleWrites(inOrder)).toEqual([]);
    const same = contextFor({ sources, events: [started('r-1', 0), started('r-2', 200), applied('r-2', 500, 4), applied('r-1', 800, 4)] });
    expect(findStaleWrites(same)).toEqual([]);
  });

  it('compares applies of one witness only', () => {
    const ctx = contextFor({
      sources: [...sources, { name: 'other-store.log' }],
      events: [started('r-1', 0), started('r-2', 200), applied('r-2', 500, 4), { source: 'other-store.log', t: 800, requestId: 'r-1', attributes: { entity: 'item:7', state: { stock: 5 } } }],
    });
    expect(findStaleWrites(ctx)).toEqual([]);
  });
});
