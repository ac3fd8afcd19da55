/**
 * Story 3: responses applied out of order in a browser store.
 *
 * A shopper clicks "+" twice on a cart line: PATCH qty=2 (request A), then 150 ms later PATCH
 * qty=3 (request B). cart-api commits A then B, in order, but A's response waits on a slow
 * promotions recalculation, so B's response arrives first. The browser's store applies the
 * responses as they complete: item_count 3 (B), then 2 (A): stale. 560 ms later the store's
 * "refetch on settle" loads the cart again and shows 3.
 *
 * Files: storefront-cart.har (browser, reference clock), frontend-store.jsonl (the same
 * browser's store log: the same clock as the HAR, skew 0), cart-api.log (logfmt, clock
 * +1200 ms), recs-api.log (text lines, clock -600 ms; recommendations the page loads).
 *
 * Expected first divergence, and why (cart has owner "cart-api", state item_count):
 * - stale_write at the store's apply of A (item_count=2): the store applied A's result right
 *   after B's, and A started 150 ms before B (request starts come from the HAR entries).
 * - It is not also a conflict: the store's wrong value lasts until its refetch apply, ~560 ms
 *   later (both records on the store's own clock, so the length is exact), below the 1000 ms
 *   tolerance. Earlier disagreements (the owner moving from 1 to 2 to 3 while the store still
 *   holds 1) last ~200 ms.
 * - The PATCH responses carry the line ({line_id, qty}), not item_count, and the GET cart
 *   bodies carry lines only, so the HAR is not a witness of cart.item_count: whether the
 *   analysis dates a HAR observation at the entry's start or end, it cannot apply A after B.
 * - cart-api applies A before B (commit order = start order): no stale write there.
 */
import { Evidence, HarLog, LineLog, iso, logfmt } from './evidence-files';
import { exchange, gatewayLine, uuid, within, type Exchange } from './exchange';
import { finding, type StoryContext } from './story-context';
import type { StoryExpectation } from './types';

export const STORY_3_FILES = {
  har: 'storefront-cart.har',
  store: 'frontend-store.jsonl',
  cart: 'cart-api.log',
  recs: 'recs-api.log',
} as const;

export const STORY_3_SKEWS = { store: 0, cart: 1200, recs: -600 } as const;

export function generateStory3(ctx: StoryContext): StoryExpectation {
  const { rng, t0, gateway } = ctx;
  const ev: Evidence = ctx.evidence;
  const host = 'www.shopwave.example';
  const har = new HarLog(STORY_3_FILES.har, 3, 0, { title: 'Your cart — Shopwave', startTrue: t0 - 21_000 });
  const store = new LineLog(STORY_3_FILES.store, 3, 'jsonl', STORY_3_SKEWS.store);
  const cart = new LineLog(STORY_3_FILES.cart, 3, 'logfmt', STORY_3_SKEWS.cart);
  const recs = new LineLog(STORY_3_FILES.recs, 3, 'text', STORY_3_SKEWS.recs);
  const sessionId = `sess_${rng.token(12)}`;
  const cartId = `c-${rng.int(10000, 99999)}`;
  const lineId = `ln-${rng.token(6)}`;

  const storeLog = (t: number, level: string, action: string, fields: Record<string, unknown>, mark?: string): void =>
    store.add(t, (h) => JSON.stringify({ t: h, level, app: 'storefront-web', session_id: sessionId, action, ...fields }), mark);
  const cartLog = (t: number, level: string, msg: string, pairs: Array<[string, unknown]>): void =>
    cart.add(t, (h) => logfmt([['time', iso(h)], ['level', level], ['service', 'cart-api'], ['msg', msg], ...pairs]));
  const cartDone = (ex: Exchange, method: string, path: string, requestId: string, code = 200): void =>
    cartLog(ex.server.end, 'info', 'request completed', [
      ['method', method],
      ['path', path],
      ['code', code],
      ['request_id', requestId],
      ['duration_ms', ex.server.end - ex.server.start],
    ]);

  let itemCount = 1;
  const lineBody = (qty: number): Record<string, unknown> => ({ line_id: lineId, product_ref: 'trail-runner-42', qty, unit_cents: 12900 });
  const browserCall = (
    start: number,
    method: string,
    path: string,
    serverMs: number,
    body: unknown,
    upstream: string,
    requestBody?: unknown,
    mark?: string,
  ): { ex: Exchange; requestId: string } => {
    const ex = exchange(rng, start, serverMs);
    const requestId = uuid(rng);
    har.add(
      {
        start: ex.client.start,
        end: ex.client.end,
        method,
        url: `https://${host}${path}`,
        headers: [
          ['accept', 'application/json'],
          ['x-request-id', requestId],
        ],
        requestBody,
        status: 200,
        statusText: 'OK',
        responseBody: body,
      },
      mark,
    );
    gatewayLine(gateway, rng, ex.gateway, { method, path, requestId, code: 200, upstream });
    return { ex, requestId };
  };
  const recsCall = (start: number): void => {
    const path = '/api/recs';
    const { ex, requestId } = browserCall(start, 'GET', path, rng.int(15, 40), { slots: [{ product_ref: 'rain-shell' }, { product_ref: 'headlamp-400' }] }, 'recs-api');
    recs.add(within(rng, ex.server), (h) => `${iso(h)} INFO recs-api scored candidates=${rng.int(40, 90)} model=als-v7 request_id=${requestId}`);
    recs.add(ex.server.end, (h) => `${iso(h)} INFO recs-api request completed path=${path} code=200 request_id=${requestId} duration_ms=${ex.server.end - ex.server.start}`);
  };
  /** GET the cart: cart-api reads it (the owner states item_count), the store applies it. */
  const loadCart = (start: number, action: string, mark?: string): { end: number; appliedAt: number } => {
    const path = `/api/carts/${cartId}`;
    const { ex, requestId } = browserCall(start, 'GET', path, rng.int(8, 20), { cart_id: cartId, currency: 'EUR', lines: [lineBody(itemCount)] }, 'cart-api');
    cartLog(within(rng, ex.server), 'info', 'cart read', [
      ['cart_id', cartId],
      ['item_count', itemCount],
      ['request_id', requestId],
    ]);
    cartDone(ex, 'GET', path, requestId);
    const appliedAt = ex.client.end + rng.int(1, 4);
    storeLog(appliedAt, 'debug', action, { request_id: requestId, cart_id: cartId, item_count: itemCount }, mark);
    return { end: ex.client.end, appliedAt };
  };

  // ---- page load ------------------------------------------------------------------------------
  loadCart(t0 - 20_000, 'cart/loaded');
  recsCall(t0 - 19_700);
  recsCall(t0 - 12_000);

  // ---- the two clicks ---------------------------------------------------------------------------
  const linePath = `/api/carts/${cartId}/lines/${lineId}`;
  storeLog(t0 - 2, 'debug', 'ui/qtyIncrement', { cart_id: cartId, line_id: lineId, qty_intent: 2, action_id: `a${rng.int(100, 999)}` });
  // A: commit early, then a slow promotions recalculation (330 ms) before answering.
  const exA = exchange(rng, t0, 365);
  const reqA = uuid(rng);
  const exB = exchange(rng, t0 + 150, 55);
  const reqB = uuid(rng);
  storeLog(t0 + 148, 'debug', 'ui/qtyIncrement', { cart_id: cartId, line_id: lineId, qty_intent: 3, action_id: `a${rng.int(100, 999)}` });
  for (const [ex, req, qty, mark] of [
    [exA, reqA, 2, 'patch-A'],
    [exB, reqB, 3, 'patch-B'],
  ] as const) {
    har.add(
      {
        start: ex.client.start,
        end: ex.client.end,
        method: 'PATCH',
        url: `https://${host}${linePath}`,
        headers: [
          ['accept', 'application/json'],
          ['content-type', 'application/json'],
          ['x-request-id', req],
        ],
        requestBody: { qty },
        status: 200,
        statusText: 'OK',
        responseBody: lineBody(qty),
      },
      mark,
    );
    gatewayLine(gateway, rng, ex.gateway, { method: 'PATCH', path: linePath, requestId: req, code: 200, upstream: 'cart-api' });
  }
  cartLog(exA.server.start + 24, 'info', 'cart line updated', [
    ['cart_id', cartId],
    ['line_id', lineId],
    ['qty', 2],
    ['item_count', 2],
    ['request_id', reqA],
  ]);
  cartLog(exA.server.start + 28, 'info', 'recalculating promotions', [
    ['cart_id', cartId],
    ['rules', 42],
    ['request_id', reqA],
  ]);
  cartLog(exB.server.start + 22, 'info', 'cart line updated', [
    ['cart_id', cartId],
    ['line_id', lineId],
    ['qty', 3],
    ['item_count', 3],
    ['request_id', reqB],
  ]);
  cartLog(exB.server.start + 25, 'debug', 'promotions cache hit', [
    ['cart_id', cartId],
    ['request_id', reqB],
  ]);
  cartDone(exB, 'PATCH', linePath, reqB);
  cartLog(exA.server.end - 5, 'warn', 'promotions slow', [
    ['cart_id', cartId],
    ['promo_ms', exA.server.end - exA.server.start - 33],
    ['request_id', reqA],
  ]);
  cartDone(exA, 'PATCH', linePath, reqA);
  itemCount = 3;

  // The store applies each response when it completes: B first, then A (stale).
  const appliedB = exB.client.end + rng.int(1, 3);
  storeLog(appliedB, 'debug', 'cart/lineQtyConfirmed', { request_id: reqB, cart_id: cartId, line_id: lineId, qty: 3, item_count: 3 }, 'apply-B');
  const appliedA = exA.client.end + rng.int(1, 3);
  storeLog(appliedA, 'debug', 'cart/lineQtyConfirmed', { request_id: reqA, cart_id: cartId, line_id: lineId, qty: 2, item_count: 2 }, 'apply-A');
  // Refetch on settle, 500 ms after the last mutation settled.
  storeLog(appliedA + 500, 'debug', 'cart/invalidate', { cart_id: cartId, reason: 'mutations settled' });
  const refetch = loadCart(appliedA + 501, 'cart/refetched', 'refetch');
  if (refetch.appliedAt - appliedA >= 900) throw new Error('demo story 3: the stale window must stay below the tolerance');

  // ---- later: one more click, applied in order (a lag of a few ms, no finding) -------------------
  {
    const ex = exchange(rng, t0 + 21_000, rng.int(40, 70));
    const req = uuid(rng);
    storeLog(t0 + 20_998, 'debug', 'ui/qtyIncrement', { cart_id: cartId, line_id: lineId, qty_intent: 4, action_id: `a${rng.int(100, 999)}` });
    har.add({
      start: ex.client.start,
      end: ex.client.end,
      method: 'PATCH',
      url: `https://${host}${linePath}`,
      headers: [
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
        ['x-request-id', req],
      ],
      requestBody: { qty: 4 },
      status: 200,
      statusText: 'OK',
      responseBody: lineBody(4),
    });
    gatewayLine(gateway, rng, ex.gateway, { method: 'PATCH', path: linePath, requestId: req, code: 200, upstream: 'cart-api' });
    cartLog(ex.server.start + 20, 'info', 'cart line updated', [
      ['cart_id', cartId],
      ['line_id', lineId],
      ['qty', 4],
      ['item_count', 4],
      ['request_id', req],
    ]);
    cartDone(ex, 'PATCH', linePath, req);
    storeLog(ex.client.end + rng.int(1, 3), 'debug', 'cart/lineQtyConfirmed', { request_id: req, cart_id: cartId, line_id: lineId, qty: 4, item_count: 4 });
    itemCount = 4;
  }
  recsCall(t0 + 23_500);
  recsCall(t0 + 31_000);

  // ---- other shoppers' carts (cart-api only) and housekeeping -----------------------------------
  const otherCarts = Array.from({ length: 5 }, () => ({ id: `c-${rng.int(10000, 99999)}`, count: rng.int(1, 4) }));
  for (let t = t0 - 55_000; t < t0 + 60_000; t += rng.int(2_500, 6_000)) {
    const c = rng.pick(otherCarts);
    const ex = exchange(rng, t, rng.int(20, 60));
    const req = uuid(rng);
    const p = `/api/carts/${c.id}/lines`;
    c.count++;
    gatewayLine(gateway, rng, ex.gateway, { method: 'POST', path: p, requestId: req, code: 201, upstream: 'cart-api', client: 'storefront' });
    cartLog(within(rng, ex.server), 'info', 'cart line added', [
      ['cart_id', c.id],
      ['item_count', c.count],
      ['request_id', req],
    ]);
    cartDone(ex, 'POST', p, req, 201);
  }
  for (let t = t0 - 58_000; t < t0 + 60_000; t += 20_000) {
    cartLog(t + rng.int(0, 900), 'info', 'redis pool', [
      ['active', rng.int(1, 6)],
      ['idle', rng.int(4, 10)],
    ]);
    recs.add(t + rng.int(0, 900), (h) => `${iso(h)} INFO recs-api model cache warm entries=${rng.int(9000, 9900)}`);
  }
  storeLog(t0 - 20_400, 'info', 'app/boot', { version: '2026.11.3', build: rng.hex(7) });

  ev.add(har.build());
  ev.add(store.build());
  ev.add(cart.build());
  ev.add(recs.build());
  ev.domain(STORY_3_FILES.har, STORY_3_FILES.har, 3, 0);
  ev.domain(STORY_3_FILES.store, 'storefront-web', 3, STORY_3_SKEWS.store);
  ev.domain(STORY_3_FILES.cart, 'cart-api', 3, STORY_3_SKEWS.cart);
  ev.domain(STORY_3_FILES.recs, STORY_3_FILES.recs, 3, STORY_3_SKEWS.recs);

  return {
    story: 3,
    title: 'Responses applied out of order in a browser store',
    files: [STORY_3_FILES.har, STORY_3_FILES.store, STORY_3_FILES.cart, STORY_3_FILES.recs],
    firstDivergence: finding({
      kind: 'stale_write',
      entity: `cart:${cartId}`,
      field: 'item_count',
      requestIds: [reqA],
      source: STORY_3_FILES.store,
      locator: ev.locate(STORY_3_FILES.store, 'apply-A'),
      at: appliedA,
      says: { request_id: reqA, cart_id: cartId, item_count: 2 },
      why: `the store applied request ${reqA} (started first, qty 2) right after ${reqB} (started 150 ms later, qty 3)`,
    }),
    alsoExpected: [],
    quietEntities: otherCarts.map((c) => `cart:${c.id}`),
  };
}
