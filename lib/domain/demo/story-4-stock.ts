/**
 * Story 4: a cache, a database, a frontend and an offline snapshot disagree about a stock count.
 *
 * inventory-db (the owner of product stock) is the truth. stock-cache follows it through an
 * invalidation channel (150-400 ms behind: a lag within tolerance, no finding). Then the cache
 * loses its subscription. The next order takes P-778 from 11 to 9 in the database; the cache
 * keeps serving 11 until its TTL expires ~55 s later. Meanwhile a shopper's browser shows 11
 * (HAR) and a warehouse handheld syncs an offline snapshot that also says 11.
 *
 * Files: storefront-products.har (browser, reference clock), stock-cache.log (logfmt, clock
 * +2300 ms), inventory-db.jsonl (JSON lines, clock -1800 ms), catalog-api.log (text lines,
 * clock +500 ms), offline-snapshot.json (a JSON array export from the handheld: it shares no
 * request with anything, so it stays unaligned at offset 0; its clock is not skewed).
 *
 * Expected first divergence, and why (product has owner "inventory-db"):
 * - conflict on product:P-778.stock at the database's line "stock decremented ... stock=9".
 *   With an owner, a disagreement also begins "when the owner moves away from a value that the
 *   non-owner shared (the owner's observation is the event)": the cache shared 11 and never
 *   catches up within the tolerance (its next value for P-778 comes with the TTL refill, ~55 s
 *   later). Nothing else disagrees before: the browser and the handheld observe only after
 *   that moment (so no earlier owner move leaves them behind), and every earlier move is
 *   followed by the cache within 400 ms.
 * - Later conflicts on the same entity: the HAR entry GET /api/stock/P-778 (stock=11) and the
 *   snapshot's P-778 element (stock=11), each a non-owner observing a value the owner does not
 *   hold; the cache's TTL refill (stock=9) ends only the cache's disagreement.
 * - No other product's stock changes after the cache lost its subscription, and none after
 *   the browser or the snapshot observed it.
 */
import { Evidence, HarLog, JsonArrayLog, LineLog, iso, logfmt } from './evidence-files';
import { exchange, gatewayLine, uuid, within, type Exchange } from './exchange';
import { finding, type StoryContext } from './story-context';
import type { StoryExpectation } from './types';

export const STORY_4_FILES = {
  har: 'storefront-products.har',
  cache: 'stock-cache.log',
  db: 'inventory-db.jsonl',
  catalog: 'catalog-api.log',
  snapshot: 'offline-snapshot.json',
} as const;

export const STORY_4_SKEWS = { cache: 2300, db: -1800, catalog: 500, snapshot: 0 } as const;

interface Product {
  sku: string;
  name: string;
  stock: number;
  /** What the cache holds. */
  cached: number;
}

export function generateStory4(ctx: StoryContext): StoryExpectation {
  const { rng, t0, gateway } = ctx;
  const ev: Evidence = ctx.evidence;
  const host = 'www.shopwave.example';
  const har = new HarLog(STORY_4_FILES.har, 4, 0, { title: 'Trail Runner 42 — Shopwave', startTrue: t0 + 7_500 });
  const cache = new LineLog(STORY_4_FILES.cache, 4, 'logfmt', STORY_4_SKEWS.cache);
  const db = new LineLog(STORY_4_FILES.db, 4, 'jsonl', STORY_4_SKEWS.db);
  const catalog = new LineLog(STORY_4_FILES.catalog, 4, 'text', STORY_4_SKEWS.catalog);
  const snapshot = new JsonArrayLog(STORY_4_FILES.snapshot, 4, STORY_4_SKEWS.snapshot);

  const dbLog = (t: number, level: string, msg: string, fields: Record<string, unknown>, mark?: string): void =>
    db.add(t, (h) => JSON.stringify({ time: iso(h), level, service: 'inventory-db', msg, ...fields }), mark);
  const cacheLog = (t: number, level: string, msg: string, pairs: Array<[string, unknown]>, mark?: string): void =>
    cache.add(t, (h) => logfmt([['ts', iso(h)], ['level', level], ['app', 'stock-cache'], ['msg', msg], ...pairs]), mark);

  const key: Product = { sku: 'P-778', name: 'Trail Runner 42', stock: 12, cached: 12 };
  const others: Product[] = [
    { sku: 'P-101', name: 'Merino Sock 3-pack', stock: 64, cached: 64 },
    { sku: 'P-214', name: 'Rain Shell', stock: 18, cached: 18 },
    { sku: 'P-356', name: 'Headlamp 400', stock: 27, cached: 27 },
    { sku: 'P-420', name: 'Trail Runner 43', stock: 9, cached: 9 },
    { sku: 'P-533', name: 'Trekking Poles', stock: 15, cached: 15 },
  ];
  const products = [key, ...others];

  // Nightly stock levels, then the cache warms from the database.
  products.forEach((p, i) => dbLog(t0 - 56_000 + i * 20, 'info', 'stock level', { sku: p.sku, stock: p.stock, job: 'stock-audit' }));
  products.forEach((p, i) => cacheLog(t0 - 55_000 + i * 15, 'info', 'cache warm', [['sku', p.sku], ['stock', p.stock], ['ttl_s', 60]]));

  /** An order decrements stock in the database; the cache follows through its invalidation channel. */
  const sale = (t: number, p: Product, qty: number, follow: boolean, mark?: string): string => {
    const requestId = uuid(rng);
    p.stock -= qty;
    dbLog(t, 'info', 'stock decremented', { sku: p.sku, stock: p.stock, delta: -qty, order_id: `O-${rng.int(800000, 899999)}`, request_id: requestId }, mark);
    if (follow) {
      p.cached = p.stock;
      const lag = rng.int(150, 400);
      cacheLog(t + lag, 'info', 'cache set', [['sku', p.sku], ['stock', p.stock], ['reason', 'invalidation'], ['lag_ms', lag]]);
    }
    return requestId;
  };
  for (let t = t0 - 50_000; t < t0 - 12_000; t += rng.int(3_000, 7_000)) sale(t, rng.pick(others), rng.int(1, 2), true);
  sale(t0 - 30_000 + rng.int(0, 800), key, 1, true); // 12 -> 11, the cache follows

  // The cache loses its invalidation subscription.
  const lostAt = t0 - 6_000;
  cacheLog(lostAt, 'warn', 'pubsub subscription lost', [['channel', 'stock-invalidations'], ['error', 'connection reset by peer']]);
  for (let t = lostAt + 5_000; t < t0 + 50_000; t += 10_000) {
    cacheLog(t + rng.int(0, 300), 'warn', 'pubsub reconnect failed', [['channel', 'stock-invalidations'], ['attempt', Math.round((t - lostAt) / 10_000)], ['backoff_ms', 10_000]]);
  }
  // THE divergence: the database moves P-778 from 11 to 9; the cache keeps 11.
  const divergenceAt = t0;
  const divergenceRequest = sale(divergenceAt, key, 2, false, 'decrement-9');

  // ---- the shopper's browser: product details (catalog-api) and stock (stock-cache) ------------
  const browserCall = (start: number, path: string, serverMs: number, body: unknown, upstream: string, mark?: string): { ex: Exchange; requestId: string } => {
    const ex = exchange(rng, start, serverMs);
    const requestId = uuid(rng);
    har.add(
      {
        start: ex.client.start,
        end: ex.client.end,
        method: 'GET',
        url: `https://${host}${path}`,
        headers: [
          ['accept', 'application/json'],
          ['x-request-id', requestId],
        ],
        status: 200,
        statusText: 'OK',
        responseBody: body,
      },
      mark,
    );
    gatewayLine(gateway, rng, ex.gateway, { method: 'GET', path, requestId, code: 200, upstream });
    return { ex, requestId };
  };
  const details = (start: number, p: Product): number => {
    const path = `/api/products/${p.sku}`;
    const { ex, requestId } = browserCall(start, path, rng.int(12, 30), { sku: p.sku, name: p.name, price_cents: rng.int(1500, 16000), rating: 4.6 }, 'catalog-api');
    catalog.add(within(rng, ex.server), (h) => `${iso(h)} INFO catalog-api loaded product sku=${p.sku} request_id=${requestId}`);
    catalog.add(ex.server.end, (h) => `${iso(h)} INFO catalog-api request completed path=${path} code=200 request_id=${requestId} duration_ms=${ex.server.end - ex.server.start}`);
    return ex.client.end;
  };
  let harStockAt = 0;
  let harStockEnd = 0;
  let harStockRequest = '';
  /** GET /api/stock/:sku through the cache: a hit serves what it holds, a miss reads the database. */
  const stock = (start: number, p: Product, hit: boolean, mark?: string): number => {
    const path = `/api/stock/${p.sku}`;
    if (!hit) p.cached = p.stock;
    const value = p.cached;
    const { ex, requestId } = browserCall(start, path, hit ? rng.int(2, 6) : rng.int(14, 30), { sku: p.sku, stock: value, source: hit ? 'cache' : 'database' }, 'stock-cache', mark);
    if (mark) {
      harStockRequest = requestId;
      harStockAt = ex.client.start;
      harStockEnd = ex.client.end;
    }
    if (hit) {
      cacheLog(within(rng, ex.server), 'info', 'cache hit', [['sku', p.sku], ['stock', value], ['request_id', requestId]]);
    } else {
      const read = { start: ex.server.start + 2, end: ex.server.end - 2 };
      dbLog(within(rng, read), 'info', 'stock read', { sku: p.sku, stock: p.stock, request_id: requestId });
      cacheLog(ex.server.end - 1, 'info', 'cache fill', [['sku', p.sku], ['stock', value], ['request_id', requestId]]);
    }
    cacheLog(ex.server.end, 'info', 'request completed', [['path', path], ['code', 200], ['cache', hit ? 'hit' : 'miss'], ['request_id', requestId], ['duration_ms', ex.server.end - ex.server.start]]);
    return ex.client.end;
  };
  let t = t0 + 8_000;
  t = details(t, key) + rng.int(40, 120);
  t = stock(t, key, true, 'stock-11') + rng.int(2_000, 4_000);
  for (const [i, p] of others.entries()) {
    t = details(t, p) + rng.int(30, 90);
    t = stock(t, p, i % 2 === 1, undefined) + rng.int(1_500, 3_500);
  }

  // ---- the warehouse handheld's offline snapshot (synced from the cache) -------------------------
  const snapAt = Math.max(t, t0 + 40_000);
  products.forEach((p, i) => {
    const value = p === key ? key.cached : p.stock;
    snapshot.add(
      snapAt + i * 3,
      (h) => ({ time: iso(h), device: 'handheld-07', sku: p.sku, name: p.name, stock: value, bin: `A-${10 + i}` }),
      p === key ? 'snapshot-11' : undefined,
    );
  });
  cacheLog(snapAt - 40, 'info', 'bulk read', [['client', 'handheld-07'], ['skus', products.length]]);

  // The cache's TTL finally expires: it reads 9 from the database.
  const refillAt = t0 + 55_000 + rng.int(0, 900);
  dbLog(refillAt, 'info', 'stock read', { sku: key.sku, stock: key.stock, reason: 'cache ttl refill' });
  key.cached = key.stock;
  cacheLog(refillAt + 6, 'info', 'cache fill', [['sku', key.sku], ['stock', key.stock], ['reason', 'ttl expired']]);

  for (let n = t0 - 58_000; n < t0 + 90_000; n += 15_000) {
    dbLog(n + rng.int(0, 900), 'debug', 'connections', { active: rng.int(3, 11), idle: rng.int(8, 20) });
    cacheLog(n + rng.int(0, 900), 'info', 'stats', [['keys', 1_200 + rng.int(0, 50)], ['hit_ratio', (0.9 + rng.float() * 0.08).toFixed(3)]]);
    catalog.add(n + rng.int(0, 900), (h) => `${iso(h)} INFO catalog-api search index fresh age_s=${rng.int(10, 300)}`);
  }

  ev.add(har.build());
  ev.add(cache.build());
  ev.add(db.build());
  ev.add(catalog.build());
  ev.add(snapshot.build());
  ev.domain(STORY_4_FILES.har, STORY_4_FILES.har, 4, 0);
  ev.domain(STORY_4_FILES.cache, 'stock-cache', 4, STORY_4_SKEWS.cache);
  ev.domain(STORY_4_FILES.db, 'inventory-db', 4, STORY_4_SKEWS.db);
  ev.domain(STORY_4_FILES.catalog, STORY_4_FILES.catalog, 4, STORY_4_SKEWS.catalog);
  ev.domain(STORY_4_FILES.snapshot, STORY_4_FILES.snapshot, 4, STORY_4_SKEWS.snapshot, false);

  const entity = `product:${key.sku}`;
  return {
    story: 4,
    title: 'A cache, a database, a frontend and an offline snapshot disagree about a stock count',
    files: [STORY_4_FILES.har, STORY_4_FILES.cache, STORY_4_FILES.db, STORY_4_FILES.catalog, STORY_4_FILES.snapshot],
    firstDivergence: finding({
      kind: 'conflict',
      entity,
      field: 'stock',
      requestIds: [divergenceRequest],
      source: STORY_4_FILES.db,
      locator: ev.locate(STORY_4_FILES.db, 'decrement-9'),
      at: divergenceAt,
      says: { sku: key.sku, stock: 9 },
      why: 'the database (owner) moves P-778 from 11 to 9 while the cache, which shared 11, lost its invalidations and keeps 11 for ~55 s',
    }),
    alsoExpected: [
      finding({
        kind: 'conflict',
        entity,
        field: 'stock',
        requestIds: [harStockRequest],
        source: STORY_4_FILES.har,
        locator: ev.locate(STORY_4_FILES.har, 'stock-11'),
        at: harStockAt,
        atEnd: harStockEnd,
        says: { sku: key.sku, stock: 11 },
        why: 'the shopper is shown stock=11 (served by the stale cache) while the database says 9 (a later conflict of the same entity)',
      }),
      finding({
        kind: 'conflict',
        entity,
        field: 'stock',
        source: STORY_4_FILES.snapshot,
        locator: ev.locate(STORY_4_FILES.snapshot, 'snapshot-11'),
        at: snapAt,
        says: { sku: key.sku, stock: 11 },
        why: 'the handheld snapshot says stock=11 while the database says 9 (a later conflict of the same entity)',
      }),
    ],
    quietEntities: others.map((p) => `product:${p.sku}`),
  };
}
