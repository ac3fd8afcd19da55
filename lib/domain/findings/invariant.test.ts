import { describe, expect, it } from 'vitest';
import { T0, type EventSpec } from '@/lib/test-support/incident-fixture';
import { findInvariantViolations } from './invariant';
import { profileSchema } from '../../schemas/profile';
import type { IncidentSpec } from '@/lib/test-support/incident-fixture';
import { contextWith, eventIn } from '@/lib/test-support/run-fixture';

const contextFor = (spec: IncidentSpec, profile: unknown = null) => contextWith(spec, profile === null ? null : profileSchema.parse(profile));

const sources = [{ name: 'roles.log' }, { name: 'db.log' }];

describe('invariant unique', () => {
  const profile = {
    entities: [{ type: 'role', keys: ['role_id'], scope: ['org_id'], state: ['is_default'] }],
    invariants: [{ name: 'one default role per org', kind: 'unique', entity: 'role', field: 'is_default', equals: true, per: 'org_id' }],
  };
  const role = (t: number, id: string, org: string | undefined, isDefault: unknown, source = 'roles.log'): EventSpec => ({
    source,
    t,
    attributes: { role_id: id, ...(org ? { org_id: org } : {}), is_default: isDefault },
  });

  it('two default roles in one org: a finding at the second; other orgs do not count; re-arms once it holds again', () => {
    const ctx = contextFor(
      {
        sources,
        events: [
          role(0, 'r1', 'o1', true),
          role(500, 'r2', 'o2', 'true'),
          role(1000, 'r3', 'o1', 'true'), // second default in o1
          role(1500, 'r4', 'o1', true, 'db.log'), // third: still false, no new finding
          role(1600, 'r3', 'o1', true), // repeated: no new finding
          role(2000, 'r3', 'o1', false),
          role(2100, 'r4', 'o1', false),
          role(3000, 'r5', 'o1', true), // false again
        ],
      },
      profile,
    );
    const found = findInvariantViolations(ctx);
    expect(found.map((f) => [f.at - T0, f.event, f.entity])).toEqual([
      [1000, eventIn(ctx, 'roles.log', 2), 'role:r3'],
      [3000, eventIn(ctx, 'roles.log', 6), 'role:r5'],
    ]);
    expect(found[0]).toMatchObject({ kind: 'invariant', field: 'is_default', evidence: [eventIn(ctx, 'roles.log', 0)] });
    expect(found[0]?.summary).toBe(
      'one default role per org: roles.log says role:r3 is_default=true at 10:00:01.000, making 2 role entities with org_id=o1 with is_default=true (also role:r1 per roles.log at 10:00:00.000)',
    );
  });

  it('the latest observation of an entity wins, from any source; an entity without its group is not counted', () => {
    const ctx = contextFor(
      {
        sources,
        events: [role(0, 'r1', 'o1', true), role(100, 'r1', 'o1', false, 'db.log'), role(200, 'r2', 'o1', true), role(300, 'r3', undefined, true)],
      },
      profile,
    );
    expect(findInvariantViolations(ctx)).toEqual([]);
  });

  it('an entity keeps the group it was recorded with', () => {
    const ctx = contextFor({ sources, events: [role(0, 'r1', 'o1', true), role(100, 'r2', 'o1', false), role(200, 'r2', undefined, true)] }, profile);
    expect(findInvariantViolations(ctx).map((f) => f.at - T0)).toEqual([200]);
  });

  it('without `per`, all entities of the type are one group', () => {
    const noPer = { ...profile, invariants: [{ name: 'one default', kind: 'unique', entity: 'role', field: 'is_default', equals: true }] };
    const ctx = contextFor({ sources, events: [role(0, 'r1', 'o1', true), role(500, 'r2', 'o2', true)] }, noPer);
    expect(findInvariantViolations(ctx).map((f) => f.entity)).toEqual(['role:r2']);
  });
});

describe('invariant range', () => {
  const profile = {
    entities: [{ type: 'item', keys: ['item_id'], state: ['stock'] }],
    invariants: [{ name: 'stock never negative', kind: 'range', entity: 'item', field: 'stock', min: 0 }],
  };
  const stock = (t: number, value: unknown, id = 7, source = 'db.log'): EventSpec => ({ source, t, attributes: { item_id: id, stock: value } });

  it('a finding when the value goes negative, not again while it stays out, again after it came back', () => {
    const ctx = contextFor(
      { sources, events: [stock(0, 2), stock(1000, '-1', 7, 'roles.log'), stock(1500, -2), stock(1600, 'n/a'), stock(2000, 0), stock(3000, -3), stock(3100, -1, 8)] },
      profile,
    );
    const found = findInvariantViolations(ctx);
    expect(found.map((f) => [f.at - T0, f.entity])).toEqual([
      [1000, 'item:7'],
      [3000, 'item:7'],
      [3100, 'item:8'],
    ]);
    expect(found[0]?.evidence).toEqual([eventIn(ctx, 'db.log', 0)]);
    expect(found[0]?.summary).toBe('stock never negative: roles.log says item:7 stock=-1 at 10:00:01.000, below the minimum 0 (it was 2 per db.log at 10:00:00.000)');
  });

  it('max bounds too', () => {
    const capped = { ...profile, invariants: [{ name: 'at most 10', kind: 'range', entity: 'item', field: 'stock', max: 10 }] };
    const ctx = contextFor({ sources, events: [stock(0, 10), stock(100, 11)] }, capped);
    expect(findInvariantViolations(ctx).map((f) => f.summary)).toEqual(['at most 10: db.log says item:7 stock=11 at 10:00:00.100, above the maximum 10 (it was 10 per db.log at 10:00:00.000)']);
  });
});
