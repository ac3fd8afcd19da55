import { describe, expect, it } from 'vitest';
import { T0, type EventSpec } from '@/lib/test-support/incident-fixture';
import { findConflicts } from './conflict';
import { profileSchema } from '../../schemas/profile';
import type { IncidentSpec } from '@/lib/test-support/incident-fixture';
import { contextWith, eventIn } from '@/lib/test-support/run-fixture';

const contextFor = (spec: IncidentSpec, profile: unknown = null) => contextWith(spec, profile === null ? null : profileSchema.parse(profile));

const sources = [{ name: 'inventory.jsonl' }, { name: 'validator.log' }, { name: 'cache.log' }, { name: 'other.log' }];
const say = (source: string, t: number, value: unknown, entity = 'item:123', field = 'sold'): EventSpec => ({
  source,
  t,
  attributes: { entity, state: { [field]: value } },
});
/** An unrelated event: it moves the end of the evidence. */
const tick = (t: number): EventSpec => ({ source: 'other.log', t, message: 'tick' });

describe('conflict (no owner, no stages)', () => {
  it('a lag shorter than the tolerance is not a conflict', () => {
    const ctx = contextFor({
      sources,
      events: [say('inventory.jsonl', 0, 7), say('validator.log', 0, 7), say('inventory.jsonl', 1000, 8), say('validator.log', 1999, 8), tick(9000)],
    });
    expect(findConflicts(ctx)).toEqual([]);
  });

  it('a disagreement lasting exactly the tolerance is a conflict, at the observation that began it', () => {
    const ctx = contextFor({
      sources,
      events: [say('inventory.jsonl', 0, 7), say('validator.log', 5250, 10), say('validator.log', 6250, 7), tick(9000)],
    });
    const found = findConflicts(ctx);
    expect(found).toEqual([
      {
        kind: 'conflict',
        at: T0 + 5250,
        event: eventIn(ctx, 'validator.log', 0),
        entity: 'item:123',
        field: 'sold',
        request: -1,
        evidence: [eventIn(ctx, 'inventory.jsonl', 0), eventIn(ctx, 'validator.log', 1)],
        summary: 'item:123: validator.log says sold=10 while inventory.jsonl says sold=7 (since 10:00:05.250, for 1.0 s)',
      },
    ]);
  });

  it('honours the profile tolerance', () => {
    const events = [say('inventory.jsonl', 0, 7), say('validator.log', 100, 10), say('validator.log', 400, 7)];
    expect(findConflicts(contextFor({ sources, events }, { toleranceMs: 300 }))).toHaveLength(1);
    expect(findConflicts(contextFor({ sources, events }, { toleranceMs: 301 }))).toHaveLength(0);
  });

  it('a disagreement still open at the end of the evidence lasts until that end (the latest event of any kind)', () => {
    const events = [say('inventory.jsonl', 0, 7), say('validator.log', 5000, 10)];
    expect(findConflicts(contextFor({ sources, events: [...events, tick(5999)] }))).toEqual([]);
    const found = findConflicts(contextFor({ sources, events: [...events, tick(8200)] }));
    expect(found).toHaveLength(1);
    expect(found[0]?.summary).toBe(
      'item:123: validator.log says sold=10 while inventory.jsonl says sold=7 (since 10:00:05.000, still so at the end of the evidence, 3.2 s)',
    );
  });

  it('numeric strings and numbers agree', () => {
    const ctx = contextFor({ sources, events: [say('inventory.jsonl', 0, '7'), say('validator.log', 10, 7), say('cache.log', 20, ' 7'), tick(9000)] });
    expect(findConflicts(ctx)).toEqual([]);
  });

  it('values that change while they still differ are one disagreement; three witnesses merge', () => {
    const ctx = contextFor({
      sources,
      events: [
        say('inventory.jsonl', 0, 7),
        say('validator.log', 1000, 10),
        say('validator.log', 2000, 11),
        say('cache.log', 2500, 12),
        say('validator.log', 3000, 7),
        say('cache.log', 4000, 7),
        tick(9000),
      ],
    });
    const found = findConflicts(ctx);
    expect(found).toHaveLength(1);
    expect(found[0]?.at).toBe(T0 + 1000);
    expect(found[0]?.summary).toContain('(since 10:00:01.000, for 3.0 s)');
  });

  it('observations at the same instant: one that agrees right away is no disagreement; a tie that differs is dated then', () => {
    const agree = contextFor({ sources, events: [say('inventory.jsonl', 0, 7), say('validator.log', 0, 7), say('inventory.jsonl', 1000, 8), say('validator.log', 1000, 8), tick(9000)] });
    expect(findConflicts(agree)).toEqual([]);
    // Even with no tolerance at all: at 1000, after both observations, they agree.
    const agreeSpec = { sources, events: [say('inventory.jsonl', 0, 7), say('validator.log', 0, 7), say('inventory.jsonl', 1000, 8), say('validator.log', 1000, 8)] };
    expect(findConflicts(contextFor(agreeSpec, { toleranceMs: 0 }))).toEqual([]);
    const differ = contextFor({ sources, events: [say('validator.log', 1000, 10), say('inventory.jsonl', 1000, 7), tick(9000)] });
    const found = findConflicts(differ);
    expect(found).toHaveLength(1);
    // inventory.jsonl is given first: its observation applies first, validator.log's makes them differ.
    expect(found[0]?.event).toBe(eventIn(differ, 'validator.log', 0));
    expect(found[0]?.at).toBe(T0 + 1000);
  });

  it('one witness never conflicts with itself, and other entities or fields do not mix', () => {
    const ctx = contextFor({
      sources,
      events: [say('inventory.jsonl', 0, 7), say('inventory.jsonl', 100, 9), say('validator.log', 0, 3, 'item:9'), say('validator.log', 0, 3, 'item:123', 'stock'), tick(9000)],
    });
    expect(findConflicts(ctx)).toEqual([]);
  });
});

describe('conflict with an owner', () => {
  const profile = { entities: [{ type: 'item', keys: ['item_id'], state: ['stock'], owner: 'inventory-db' }] };
  const src = [{ name: 'db.log' }, { name: 'cache.log' }, { name: 'store.log' }, { name: 'other.log' }];
  const stock = (source: string, t: number, value: number, service?: string): EventSpec => ({ source, t, service, attributes: { item_id: 7, stock: value } });

  it('the owner moving on while a non-owner keeps its wrong value is still one disagreement', () => {
    const ctx = contextFor(
      {
        sources: src,
        events: [
          stock('db.log', 0, 5, 'inventory-db'),
          stock('cache.log', 0, 5),
          stock('db.log', 1000, 4, 'inventory-db'), // moves away from the shared 5: begins
          stock('db.log', 3000, 3, 'inventory-db'), // moves on: does not end it
          stock('cache.log', 4000, 5), // the same wrong value again
          stock('cache.log', 5000, 3), // holds the owner's value: ends
          { source: 'other.log', t: 9000 },
        ],
      },
      profile,
    );
    const found = findConflicts(ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ at: T0 + 1000, event: eventIn(ctx, 'db.log', 1), entity: 'item:7', field: 'stock' });
    expect(found[0]?.summary).toBe('item:7: the owner db.log says stock=4 while cache.log says stock=5 (since 10:00:01.000, for 4.0 s)');
  });

  it('a non-owner observing yet another value ends one disagreement and begins a new one', () => {
    const ctx = contextFor(
      {
        sources: src,
        events: [stock('db.log', 0, 5, 'inventory-db'), stock('cache.log', 1000, 4), stock('cache.log', 2500, 3), stock('cache.log', 4000, 5), { source: 'other.log', t: 9000 }],
      },
      profile,
    );
    const found = findConflicts(ctx);
    expect(found.map((f) => [f.at - T0, f.event])).toEqual([
      [1000, eventIn(ctx, 'cache.log', 0)],
      [2500, eventIn(ctx, 'cache.log', 1)],
    ]);
    expect(found[1]?.summary).toBe('item:7: cache.log says stock=3 while the owner db.log says stock=5 (since 10:00:02.500, for 1.5 s)');
  });

  it('a non-owner catching up within the tolerance is no conflict', () => {
    const ctx = contextFor(
      { sources: src, events: [stock('db.log', 0, 5, 'inventory-db'), stock('cache.log', 1000, 4), stock('cache.log', 1500, 5), { source: 'other.log', t: 9000 }] },
      profile,
    );
    expect(findConflicts(ctx)).toEqual([]);
  });

  it('non-owners that disagree with each other only are no conflict; the owner named by source works too', () => {
    const events = [stock('db.log', 0, 5), stock('cache.log', 100, 1), stock('store.log', 200, 2), { source: 'other.log', t: 9000 }];
    expect(findConflicts(contextFor({ sources: src, events: events.slice(1) }, profile))).toEqual([]);
    const bySource = { entities: [{ type: 'item', keys: ['item_id'], state: ['stock'], owner: 'db.log' }] };
    const found = findConflicts(contextFor({ sources: src, events }, bySource));
    expect(found.map((f) => f.at - T0)).toEqual([100, 200]);
  });
});

describe('conflict with stages', () => {
  const profile = {
    entities: [{ type: 'order', keys: ['order_id'], state: ['status'], stages: { status: ['pending', 'paid', 'fulfilled'] } }],
  };
  const src = [{ name: 'orders.log' }, { name: 'payments.log' }, { name: 'other.log' }];
  const status = (source: string, t: number, value: string): EventSpec => ({ source, t, attributes: { order_id: 'o-1', status: value } });
  const end = { source: 'other.log', t: 20_000 };

  it('a witness that is behind and silent does not disagree', () => {
    const ctx = contextFor({ sources: src, events: [status('orders.log', 0, 'pending'), status('payments.log', 1000, 'paid'), end] }, profile);
    expect(findConflicts(ctx)).toEqual([]);
  });

  it('a behind witness that says its earlier stage again disagrees, dated from the later stage', () => {
    const ctx = contextFor(
      {
        sources: src,
        events: [status('orders.log', 0, 'pending'), status('payments.log', 1000, 'paid'), status('payments.log', 2000, 'paid'), status('orders.log', 3000, 'pending'), end],
      },
      profile,
    );
    const found = findConflicts(ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ at: T0 + 1000, event: eventIn(ctx, 'payments.log', 0), entity: 'order:o-1', field: 'status' });
    expect(found[0]?.evidence).toEqual([eventIn(ctx, 'orders.log', 0), eventIn(ctx, 'orders.log', 1)]);
    expect(found[0]?.summary).toBe(
      'order:o-1: payments.log says status=paid since 10:00:01.000 while orders.log still says status=pending at 10:00:03.000 (since 10:00:01.000, still so at the end of the evidence, 19.0 s)',
    );
  });

  it('lasts until the two agree', () => {
    const ctx = contextFor(
      {
        sources: src,
        events: [status('orders.log', 0, 'pending'), status('payments.log', 1000, 'paid'), status('orders.log', 1200, 'pending'), status('orders.log', 1800, 'paid'), end],
      },
      profile,
    );
    // 1000 -> 1800: 800 ms, under the tolerance.
    expect(findConflicts(ctx)).toEqual([]);
  });

  it("a witness's first observation is not 'again', and catching up is not disagreeing", () => {
    const first = contextFor({ sources: src, events: [status('payments.log', 0, 'paid'), status('orders.log', 1000, 'pending'), end] }, profile);
    expect(findConflicts(first)).toEqual([]);
    const forward = contextFor(
      { sources: src, events: [status('orders.log', 0, 'pending'), status('payments.log', 500, 'fulfilled'), status('orders.log', 1000, 'paid'), end] },
      profile,
    );
    expect(findConflicts(forward)).toEqual([]);
  });

  it('values outside the stage list compare as unordered values', () => {
    const ctx = contextFor({ sources: src, events: [status('orders.log', 0, 'paid'), status('payments.log', 1000, 'cancelled'), end] }, profile);
    const found = findConflicts(ctx);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ at: T0 + 1000, event: eventIn(ctx, 'payments.log', 0) });
  });
});
