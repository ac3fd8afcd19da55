/**
 * Story 2: two services compute "sold" with two definitions, seen through an admin's HAR.
 *
 * inventory (the owner of item state) counts paid orders; the reporting service's sales
 * projection counts every order, pending ones included. While payments are healthy both agree
 * (reporting follows each sale 150-450 ms later: a lag within tolerance, no finding). Then
 * orders for item I-2041 start staying "pending": inventory keeps sold=7, reporting says 8,
 * then 9, then 10. The admin opens the dashboard and sees both numbers.
 *
 * Files: admin-dashboard.har (browser, reference clock), inventory.jsonl (zap JSON, clock
 * -1500 ms), reporting.log (logback text lines with key=value pairs, clock +3200 ms).
 *
 * Expected first divergence, and why (item has owner "inventory"):
 * - reporting's projection line `sold=8` for I-2041 (after the first pending order) observes a
 *   value that differs from the owner's (inventory holds 7, last said in the reservation line
 *   300 ms earlier): a disagreement begins at that observation. It ends only when reporting
 *   holds 7 again or observes another value: its next value (9) comes ~14 s later, so this
 *   disagreement lasts far longer than the tolerance. It is a conflict on item:I-2041.sold,
 *   triggered by that reporting line.
 * - Before it, every sale moves inventory first and reporting within 450 ms: each of those
 *   disagreements (the owner moving away from a value reporting shared) ends within the
 *   tolerance.
 * - The admin's HAR observes sold=7 (GET /api/items/I-2041) and then sold=10 (GET
 *   /api/reports/items/I-2041) and never again: a later conflict, triggered by that HAR entry.
 * - No sale happens after the dashboard loads, so nothing the HAR saw is moved by the owner
 *   afterwards (a silent non-owner would otherwise disagree with the owner's next move).
 */
import { Evidence, HarLog, LineLog, iso } from './evidence-files';
import { exchange, gatewayLine, uuid, within } from './exchange';
import { finding, type StoryContext } from './story-context';
import type { StoryExpectation } from './types';

export const STORY_2_FILES = {
  har: 'admin-dashboard.har',
  inventory: 'inventory.jsonl',
  reporting: 'reporting.log',
} as const;

export const STORY_2_SKEWS = { inventory: -1500, reporting: 3200 } as const;

interface Item {
  id: string;
  name: string;
  paid: number;
  pending: number;
}

export function generateStory2(ctx: StoryContext): StoryExpectation {
  const { rng, t0, gateway } = ctx;
  const ev: Evidence = ctx.evidence;
  const host = 'admin.shopwave.example';
  const inv = new LineLog(STORY_2_FILES.inventory, 2, 'jsonl', STORY_2_SKEWS.inventory);
  const rep = new LineLog(STORY_2_FILES.reporting, 2, 'text', STORY_2_SKEWS.reporting);
  const har = new HarLog(STORY_2_FILES.har, 2, 0, { title: 'Sales dashboard — Shopwave Admin', startTrue: t0 + 44_000 });

  const invLog = (t: number, level: string, msg: string, fields: Record<string, unknown>, mark?: string): void =>
    inv.add(t, (h) => JSON.stringify({ level, ts: h / 1000, logger: 'inventory.sales', msg, service: 'inventory', ...fields }), mark);
  const repLog = (t: number, level: string, thread: string, logger: string, text: string, mark?: string): void =>
    rep.add(t, (h) => `${iso(h)} ${level.padEnd(5)} [${thread}] ${logger} - ${text}`, mark);

  const key: Item = { id: 'I-2041', name: 'Trail Runner 42', paid: 6, pending: 0 };
  const others: Item[] = [
    { id: 'I-2042', name: 'Trail Runner 43', paid: 14, pending: 0 },
    { id: 'I-2043', name: 'Merino Sock 3-pack', paid: 31, pending: 0 },
    { id: 'I-2044', name: 'Rain Shell', paid: 9, pending: 0 },
    { id: 'I-2045', name: 'Headlamp 400', paid: 22, pending: 0 },
  ];
  const items = [key, ...others];
  const soldByReport = (it: Item): number => it.paid + it.pending;

  // Reporting loads its projection at startup; inventory states each counter on first read.
  repLog(t0 - 58_000, 'INFO', 'main', 'c.s.reporting.SalesProjection', `projection loaded items=${items.length} definition=all_orders`);
  for (const it of items) {
    repLog(t0 - 57_900 + rng.int(0, 80), 'INFO', 'main', 'c.s.reporting.SalesProjection', `projection item item_id=${it.id} sold=${soldByReport(it)}`);
  }
  const storefrontRead = (t: number, it: Item): void => {
    const ex = exchange(rng, t, rng.int(5, 14));
    const requestId = uuid(rng);
    const path = `/api/items/${it.id}`;
    gatewayLine(gateway, rng, ex.gateway, { method: 'GET', path, requestId, code: 200, upstream: 'inventory', client: 'storefront' });
    invLog(within(rng, ex.server), 'info', 'item read', { item_id: it.id, sold: it.paid, request_id: requestId });
    invLog(ex.server.end, 'info', 'request completed', { method: 'GET', path, code: 200, request_id: requestId, duration_ms: ex.server.end - ex.server.start });
  };
  items.forEach((it, i) => storefrontRead(t0 - 52_000 + i * 1_300 + rng.int(0, 400), it));

  /** An order event: inventory records it (owner first), reporting's projection follows. */
  const order = (t: number, it: Item, state: 'paid' | 'pending', marks?: { inventory?: string; reporting?: string }): number => {
    const orderId = `O-${rng.int(700000, 799999)}`;
    const requestId = uuid(rng);
    if (state === 'paid') it.paid++;
    else it.pending++;
    const d = rng.int(8, 20);
    invLog(
      t,
      'info',
      state === 'paid' ? 'sale recorded' : 'reservation created',
      { item_id: it.id, order_id: orderId, payment_state: state, sold: it.paid, reserved: it.pending, request_id: requestId },
      marks?.inventory,
    );
    invLog(t + d, 'info', 'request completed', { method: 'POST', path: '/internal/sales', code: 201, request_id: requestId, duration_ms: d + rng.int(2, 6) });
    const lag = rng.int(150, 450);
    repLog(
      t + lag,
      'INFO',
      'report-worker-1',
      'c.s.reporting.SalesProjection',
      `recomputed item sales item_id=${it.id} sold=${soldByReport(it)} paid=${it.paid} pending=${it.pending} event_id=evt_${rng.token(10)} lag_ms=${lag}`,
      marks?.reporting,
    );
    return t + lag;
  };

  // Healthy sales (paid), reporting following within tolerance.
  order(t0 - 30_000, key, 'paid');
  for (let t = t0 - 44_000; t < t0 + 38_000; t += rng.int(4_000, 9_000)) order(t, rng.pick(others), 'paid');
  // Payments stall: I-2041's next orders stay pending.
  const pendingAt = t0;
  const divergenceAt = order(pendingAt, key, 'pending', { inventory: 'reservation-1', reporting: 'sold-8' });
  const sold9At = order(t0 + 14_000 + rng.int(0, 500), key, 'pending', { reporting: 'sold-9' });
  const sold10At = order(t0 + 29_000 + rng.int(0, 500), key, 'pending', { reporting: 'sold-10' });

  // ---- the admin's dashboard (sequential requests, each entity observed by one at a time) -----
  type Call = { path: string; upstream: 'inventory' | 'reporting'; body: unknown; serverMs: number; mark?: string };
  const reportItem = (it: Item): Record<string, unknown> => ({ item_id: it.id, name: it.name, sold: soldByReport(it) });
  const calls: Call[] = [
    { path: '/api/reports/daily', upstream: 'reporting', body: { date: iso(t0).slice(0, 10), orders: 212, revenue_cents: 1_874_300 }, serverMs: rng.int(20, 40) },
    { path: '/api/reports/top-items', upstream: 'reporting', body: { items: others.map(reportItem) }, serverMs: rng.int(25, 45) },
    { path: `/api/items/${key.id}`, upstream: 'inventory', body: { item_id: key.id, name: key.name, sold: key.paid, price_cents: 12900 }, serverMs: rng.int(6, 14), mark: 'item-7' },
    { path: `/api/reports/items/${key.id}`, upstream: 'reporting', body: { item_id: key.id, name: key.name, sold: soldByReport(key), paid: key.paid, pending: key.pending, definition: 'all orders, pending included' }, serverMs: rng.int(25, 45), mark: 'report-10' },
    { path: `/api/items/${key.id}/orders`, upstream: 'inventory', body: { item_id: key.id, orders_total: key.paid + key.pending }, serverMs: rng.int(10, 20) },
    { path: '/api/items/low-stock', upstream: 'inventory', body: { count: 2 }, serverMs: rng.int(8, 16) },
    { path: '/api/reports/definitions', upstream: 'reporting', body: { sold: 'count of orders, any payment state' }, serverMs: rng.int(5, 12) },
    { path: '/api/items/categories', upstream: 'inventory', body: { categories: ['footwear', 'apparel', 'gear'] }, serverMs: rng.int(5, 12) },
  ];
  let t = t0 + 45_000;
  let reportEntryAt = 0;
  let reportEntryEnd = 0;
  let reportEntryRequest = '';
  for (const c of calls) {
    const ex = exchange(rng, t, c.serverMs);
    const requestId = uuid(rng);
    har.add(
      {
        start: ex.client.start,
        end: ex.client.end,
        method: 'GET',
        url: `https://${host}${c.path}`,
        headers: [
          ['accept', 'application/json'],
          ['x-request-id', requestId],
        ],
        status: 200,
        statusText: 'OK',
        responseBody: c.body,
      },
      c.mark,
    );
    if (c.mark === 'report-10') {
      reportEntryRequest = requestId;
      reportEntryAt = ex.client.start;
      reportEntryEnd = ex.client.end;
    }
    gatewayLine(gateway, rng, ex.gateway, { method: 'GET', path: c.path, requestId, code: 200, upstream: c.upstream });
    if (c.upstream === 'inventory') {
      if (c.path === `/api/items/${key.id}`) invLog(within(rng, ex.server), 'info', 'item read', { item_id: key.id, sold: key.paid, request_id: requestId });
      else invLog(within(rng, ex.server), 'debug', 'query', { path: c.path, rows: rng.int(1, 40), request_id: requestId });
      invLog(ex.server.end, 'info', 'request completed', { method: 'GET', path: c.path, code: 200, request_id: requestId, duration_ms: ex.server.end - ex.server.start });
    } else {
      if (c.path === `/api/reports/items/${key.id}`) {
        repLog(within(rng, ex.server), 'INFO', 'http-nio-8080-exec-4', 'c.s.reporting.ItemReport', `item report item_id=${key.id} sold=${soldByReport(key)} request_id=${requestId}`);
      } else {
        repLog(within(rng, ex.server), 'DEBUG', 'http-nio-8080-exec-2', 'c.s.reporting.Query', `query path=${c.path} request_id=${requestId}`);
      }
      repLog(ex.server.end, 'INFO', 'http-nio-8080-exec-4', 'c.s.reporting.Http', `request completed method=GET path=${c.path} code=200 request_id=${requestId} duration_ms=${ex.server.end - ex.server.start}`);
    }
    t = ex.client.end + rng.int(250, 900);
  }

  // ---- housekeeping noise -------------------------------------------------------------------
  for (let n = t0 - 60_000; n < t0 + 90_000; n += 10_000) {
    repLog(n + rng.int(0, 900), 'INFO', 'metrics', 'c.s.reporting.ConsumerStats', `consumer lag topic=orders partition=${rng.int(0, 5)} lag_messages=${rng.int(0, 3)}`);
    invLog(n + rng.int(0, 900), 'info', 'health', { check: 'postgres', ok: true, latency_us: rng.int(300, 1200) });
  }
  repLog(t0 + 2_000, 'WARN', 'report-worker-1', 'c.s.reporting.SalesProjection', 'payment events delayed: 3 orders pending for more than 60s');
  invLog(t0 + 61_000, 'warn', 'payment provider slow', { provider: 'payfast', p99_ms: 8_400 });

  ev.add(har.build());
  ev.add(inv.build());
  ev.add(rep.build());
  ev.domain(STORY_2_FILES.har, STORY_2_FILES.har, 2, 0);
  ev.domain(STORY_2_FILES.inventory, 'inventory', 2, STORY_2_SKEWS.inventory);
  ev.domain(STORY_2_FILES.reporting, STORY_2_FILES.reporting, 2, STORY_2_SKEWS.reporting);

  const entity = `item:${key.id}`;
  return {
    story: 2,
    title: 'Two services compute "sold" with two definitions',
    files: [STORY_2_FILES.har, STORY_2_FILES.inventory, STORY_2_FILES.reporting],
    firstDivergence: finding({
      kind: 'conflict',
      entity,
      field: 'sold',
      source: STORY_2_FILES.reporting,
      locator: ev.locate(STORY_2_FILES.reporting, 'sold-8'),
      at: divergenceAt,
      says: { item_id: key.id, sold: 8 },
      why: 'reporting counts the pending order (sold=8) while inventory, the owner, still says sold=7; it stays different for ~14 s',
    }),
    alsoExpected: [
      // Each new value reporting observes ends the disagreement before it and begins another one.
      ...([
        ['sold-9', sold9At, 9],
        ['sold-10', sold10At, 10],
      ] as const).map(([mark, at, sold]) =>
        finding({
          kind: 'conflict',
          entity,
          field: 'sold',
          source: STORY_2_FILES.reporting,
          locator: ev.locate(STORY_2_FILES.reporting, mark),
          at,
          says: { item_id: key.id, sold },
          why: `the next pending order: reporting says sold=${sold} while inventory still says 7 (a new disagreement of the same entity)`,
        }),
      ),
      finding({
        kind: 'conflict',
        entity,
        field: 'sold',
        requestIds: [reportEntryRequest],
        source: STORY_2_FILES.har,
        locator: ev.locate(STORY_2_FILES.har, 'report-10'),
        at: reportEntryAt,
        atEnd: reportEntryEnd,
        says: { item_id: key.id, sold: 10 },
        why: 'the admin sees sold=10 on the report while inventory says 7 (a later conflict of the same entity, not its first)',
      }),
    ],
    quietEntities: others.map((it) => `item:${it.id}`),
  };
}
