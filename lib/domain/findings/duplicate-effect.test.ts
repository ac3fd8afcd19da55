import { describe, expect, it } from 'vitest';
import { T0, type EventSpec } from '@/lib/test-support/incident-fixture';
import { findDuplicateEffects } from './duplicate-effect';
import { profileSchema } from '../../schemas/profile';
import type { IncidentSpec } from '@/lib/test-support/incident-fixture';
import { contextWith, eventIn } from '@/lib/test-support/run-fixture';

const contextFor = (spec: IncidentSpec, profile: unknown = null) => contextWith(spec, profile === null ? null : profileSchema.parse(profile));

describe('duplicate_effect from profile effects', () => {
  const profile = {
    effects: [{ name: 'role inserted', match: { op: 'INSERT', table: 'roles' }, sameWhen: ['correlation_id', 'org_id'] }],
  };
  const insert = (t: number, correlationId: string, org: string | number, extra: Record<string, unknown> = {}): EventSpec => ({
    source: 'db.log',
    t,
    correlationId,
    attributes: { op: 'INSERT', table: 'roles', org_id: org, ...extra },
  });

  it('a second matching event with the same sameWhen values is a duplicate (ids are read from the normalized ids)', () => {
    const ctx = contextFor(
      {
        sources: [{ name: 'db.log' }],
        events: [insert(0, 'c-1', 'o1'), insert(100, 'c-1', 'o2'), insert(200, 'c-2', 'o1'), insert(300, 'c-1', 'o1'), insert(400, 'c-1', 'o1', { table: 'users' })],
      },
      profile,
    );
    const found = findDuplicateEffects(ctx);
    expect(found).toEqual([
      {
        kind: 'duplicate_effect',
        at: T0 + 300,
        event: eventIn(ctx, 'db.log', 3),
        entity: null,
        field: null,
        request: ctx.groups.groupOf[eventIn(ctx, 'db.log', 0)],
        evidence: [eventIn(ctx, 'db.log', 0)],
        summary: 'role inserted happened again: db.log at 10:00:00.300 repeats db.log at 10:00:00.000 with the same correlation_id=c-1 and org_id=o1',
      },
    ]);
  });

  it('not when a sameWhen value differs, and values compare normalized', () => {
    const ctx = contextFor({ sources: [{ name: 'db.log' }], events: [insert(0, 'c-1', 7), insert(100, 'c-1', '7'), insert(200, 'c-1', 8)] }, profile);
    expect(findDuplicateEffects(ctx).map((f) => f.at - T0)).toEqual([100]);
  });
});

describe('duplicate_effect from idempotency keys (no profile)', () => {
  const charge = (source: string, t: number, key: Record<string, unknown>, name = 'charge.create'): EventSpec => ({ source, t, name, attributes: key });

  it('the same key and name twice in one witness', () => {
    const ctx = contextFor({
      sources: [{ name: 'payments.log' }, { name: 'client.har', format: 'har' }],
      events: [
        charge('payments.log', 0, { idempotency_key: 'k-1' }),
        charge('payments.log', 50, { idempotencyKey: 'k-1' }, 'refund.create'),
        charge('payments.log', 100, { IdempotencyKey: 'k-2' }),
        charge('client.har', 150, { requestHeaders: [{ name: 'Idempotency-Key', value: 'k-1' }] }),
        charge('payments.log', 200, { idempotencyKey: 'k-1' }),
      ],
    });
    const found = findDuplicateEffects(ctx);
    expect(found.map((f) => [f.event, f.evidence])).toEqual([[eventIn(ctx, 'payments.log', 3), [eventIn(ctx, 'payments.log', 0)]]]);
    expect(found[0]?.summary).toBe('charge.create happened again with idempotency key k-1: payments.log at 10:00:00.200 repeats 10:00:00.000');
  });

  it('HAR request headers', () => {
    const ctx = contextFor({
      sources: [{ name: 'client.har', format: 'har' }],
      events: [
        charge('client.har', 0, { requestHeaders: [{ name: 'Idempotency-Key', value: 'k-1' }] }, 'POST /api/charges'),
        charge('client.har', 900, { requestHeaders: { 'idempotency-key': 'k-1' } }, 'POST /api/charges'),
      ],
    });
    expect(findDuplicateEffects(ctx).map((f) => f.at - T0)).toEqual([900]);
  });
});
