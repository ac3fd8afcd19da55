/**
 * The analysis profile of the demo incident: one profile for all five stories. It has no
 * `offsets`: the alignment must find every clock skew from the evidence.
 */
import type { AnalysisProfile } from '../../schemas/profile';

export const DEMO_TOLERANCE_MS = 1000;

export function demoProfile(): AnalysisProfile {
  return {
    entities: [
      // Story 1: roles, scoped by org; "one default role per org" reads is_default per org_id.
      { type: 'role', keys: ['role_id'], paths: [], state: ['is_default'], scope: ['org_id'], stages: {} },
      // Story 2: inventory owns an item's sales counter; the reporting service is measured against it.
      {
        type: 'item',
        keys: ['item_id'],
        paths: ['/api/items/:id', '/api/reports/items/:id'],
        state: ['sold'],
        scope: [],
        stages: {},
        owner: 'inventory',
      },
      // Story 3: the cart badge count; cart-api owns it, the browser store applies responses.
      { type: 'cart', keys: ['cart_id'], paths: ['/api/carts/:id'], state: ['item_count'], scope: [], stages: {}, owner: 'cart-api' },
      // Story 4: stock per product; the database is the truth, cache/browser/snapshot are measured against it.
      { type: 'product', keys: ['sku'], paths: ['/api/stock/:sku'], state: ['stock'], scope: [], stages: {}, owner: 'inventory-db' },
      // Story 5: the order lifecycle; a witness behind in the stages is only behind until it speaks again.
      {
        type: 'order',
        keys: ['order_id'],
        paths: ['/api/orders/:id'],
        state: ['status'],
        scope: [],
        stages: { status: ['pending', 'paid', 'fulfilled'] },
      },
    ],
    effects: [
      { name: 'role inserted', match: { op: 'INSERT', table: 'roles' }, sameWhen: ['correlation_id', 'org_id'] },
      { name: 'card captured', match: { payment_action: 'capture' }, sameWhen: ['idempotency_key'] },
    ],
    invariants: [
      { name: 'one default role per org', kind: 'unique', entity: 'role', field: 'is_default', equals: true, per: 'org_id' },
      { name: 'stock never negative', kind: 'range', entity: 'product', field: 'stock', min: 0 },
    ],
    toleranceMs: DEMO_TOLERANCE_MS,
    offsets: {},
  };
}
