/**
 * Story 5: payments succeeded while the order service never learned it, with a duplicated
 * charge.
 *
 * A checkout creates order O (pending) and calls payments. Payments captures the card in
 * 1.9 s, but the response is reset on its way back by the mesh, and the order service's client
 * times out at 2 s. It retries with the same idempotency key; the payments replica that serves
 * the retry has not replicated the key yet, so the card is captured a second time. The second
 * response is lost the same way. The order service gives up and leaves the order pending,
 * waiting for a webhook that payments publishes to a topic nobody reads. The customer's order
 * page keeps saying "pending".
 *
 * Files: order-service.jsonl (JSON lines, clock -3000 ms), payments-otlp.json (OTLP/JSON
 * traces of two services: payments, whose clock is the reference, and psp-adapter, +1800 ms,
 * whose capture spans are children of payments' spans).
 *
 * Expected first divergence, and why (order.status has stages pending < paid < fulfilled, no
 * owner):
 * - conflict on order:O.status triggered by payments' server span of attempt 1 (status=paid):
 *   that is the observation with which payments took up the later stage; the order service,
 *   which is behind, says "pending" again after it (the timeout lines, the give-up line, the
 *   order page's reads), so the two disagree from that span on, until the end of the
 *   evidence. This holds whether the analysis dates a span's observation at its start or its
 *   end: the order service's first "pending" after the span comes 2 s after its start and
 *   ~120 ms after its end, and more follow seconds later.
 * - duplicate_effect "card captured" (payment_action=capture, sameWhen idempotency_key) at
 *   psp-adapter's capture span of attempt 2: it starts ~400 ms after attempt 1's payments span
 *   ended, so it is later than the conflict under either dating.
 * - Other orders: payments says paid, the order service says paid a few ms after the span ends
 *   and fulfilled later; payments, behind at "paid", stays silent: no finding.
 */
import { Evidence, LineLog, OtlpTraceLog, iso, type SpanInput } from './evidence-files';
import { exchange, gatewayLine, uuid, within, type Span2 } from './exchange';
import { finding, type StoryContext } from './story-context';
import type { StoryExpectation } from './types';

export const STORY_5_FILES = {
  orders: 'order-service.jsonl',
  payments: 'payments-otlp.json',
} as const;

export const STORY_5_SKEWS = { orders: -3000, payments: 0, psp: 1800 } as const;

export function generateStory5(ctx: StoryContext): StoryExpectation {
  const { rng, t0, gateway } = ctx;
  const ev: Evidence = ctx.evidence;
  const orders = new LineLog(STORY_5_FILES.orders, 5, 'jsonl', STORY_5_SKEWS.orders);
  const traces = new OtlpTraceLog(STORY_5_FILES.payments, 5, { payments: STORY_5_SKEWS.payments, 'psp-adapter': STORY_5_SKEWS.psp });

  const olog = (t: number, level: string, msg: string, fields: Record<string, unknown>): void =>
    orders.add(t, (h) => JSON.stringify({ '@timestamp': iso(h), 'log.level': level, 'service.name': 'order-service', message: msg, ...fields }));

  interface Charge {
    server: SpanInput;
    capture: SpanInput;
  }
  /** Payments' server span for one charge call, with psp-adapter's capture span inside it. */
  const charge = (
    start: number,
    ms: number,
    o: { orderId: string; traceId: string; requestId: string; key: string; amount: number; lookup: 'miss' | 'hit'; topic: string },
  ): Charge => {
    const server: SpanInput = {
      service: 'payments',
      traceId: o.traceId,
      spanId: rng.hex(16),
      parentSpanId: rng.hex(16),
      name: 'POST /v1/charges',
      kind: 2,
      start,
      end: start + ms,
      attributes: {
        'http.method': 'POST',
        'http.route': '/v1/charges',
        'http.status_code': 200,
        request_id: o.requestId,
        order_id: o.orderId,
        idempotency_key: o.key,
        idempotency_lookup: o.lookup,
        amount_cents: o.amount,
        charge_id: `ch_${rng.token(14)}`,
        status: 'paid',
      },
    };
    const capture: SpanInput = {
      service: 'psp-adapter',
      traceId: o.traceId,
      spanId: rng.hex(16),
      parentSpanId: server.spanId,
      name: 'psp.capture',
      kind: 3,
      start: start + rng.int(4, 8),
      end: start + ms - rng.int(30, 45),
      attributes: { psp: 'payfast', payment_action: 'capture', idempotency_key: o.key, amount_cents: o.amount, 'net.peer.name': 'api.payfast.example' },
    };
    const publish: SpanInput = {
      service: 'payments',
      traceId: o.traceId,
      spanId: rng.hex(16),
      parentSpanId: server.spanId,
      name: `publish ${o.topic}`,
      kind: 4,
      start: start + ms - rng.int(20, 28),
      end: start + ms - rng.int(6, 12),
      attributes: { 'messaging.destination': o.topic, 'messaging.system': 'kafka', event: 'payment.succeeded' },
    };
    traces.add(server);
    traces.add(capture);
    traces.add(publish);
    return { server, capture };
  };

  /** The customer's POST /api/checkout through the gateway; returns the order-service interval. */
  const checkoutRequest = (start: number, serverMs: number): { requestId: string; server: Span2; gw: Span2 } => {
    const ex = exchange(rng, start, serverMs);
    const requestId = uuid(rng);
    return { requestId, server: ex.server, gw: ex.gateway };
  };
  const orderRead = (start: number, orderId: string, status: string): void => {
    const ex = exchange(rng, start, rng.int(5, 12));
    const requestId = uuid(rng);
    const path = `/api/orders/${orderId}`;
    gatewayLine(gateway, rng, ex.gateway, { method: 'GET', path, requestId, code: 200, upstream: 'order-service', client: 'storefront' });
    olog(within(rng, ex.server), 'info', 'order read', { order_id: orderId, status, request_id: requestId });
    olog(ex.server.end, 'info', 'request completed', {
      request_id: requestId,
      http: { request: { method: 'GET' } },
      url: { path },
      res: { statusCode: 200 },
      duration_ms: ex.server.end - ex.server.start,
    });
  };

  // ---- normal checkouts ------------------------------------------------------------------------
  const normal = (start: number): void => {
    const orderId = `O-${rng.int(900000, 999999)}`;
    const traceId = rng.hex(32);
    const amount = rng.int(1_500, 40_000);
    const callMs = rng.int(250, 700);
    const req = checkoutRequest(start, callMs + rng.int(30, 60));
    const { requestId, server } = req;
    const ids = { order_id: orderId, request_id: requestId, trace_id: traceId };
    olog(server.start + 3, 'info', 'order created', { ...ids, status: 'pending', amount_cents: amount });
    const callStart = server.start + 25;
    olog(callStart, 'info', 'charging payment', { ...ids, attempt: 1 });
    const c = charge(callStart + 2, callMs, { orderId, traceId, requestId, key: uuid(rng), amount, lookup: 'miss', topic: 'payments.v1' });
    const callEnd = c.server.end + 2;
    olog(callEnd, 'info', 'payment call completed', { ...ids, attempt: 1, duration_ms: callEnd - callStart });
    olog(callEnd + 3, 'info', 'order paid', { ...ids, status: 'paid' });
    olog(server.end, 'info', 'request completed', {
      request_id: requestId,
      trace_id: traceId,
      http: { request: { method: 'POST' } },
      url: { path: '/api/checkout' },
      res: { statusCode: 201 },
      duration_ms: server.end - server.start,
    });
    gatewayLine(gateway, rng, req.gw, { method: 'POST', path: '/api/checkout', requestId, code: 201, upstream: 'order-service', client: 'storefront' });
    olog(server.end + rng.int(18_000, 30_000), 'info', 'order fulfilled', { order_id: orderId, status: 'fulfilled', warehouse: 'ams-2', shipment: `shp_${rng.token(8)}` });
  };
  for (let t = t0 - 55_000; t < t0 - 3_000; t += rng.int(5_000, 9_000)) normal(t);
  for (let t = t0 + 12_000; t < t0 + 50_000; t += rng.int(6_000, 10_000)) normal(t);

  // ---- the incident checkout ---------------------------------------------------------------------
  const orderId = `O-${rng.int(900000, 999999)}`;
  const traceId = rng.hex(32);
  const amount = 18_740;
  const key = uuid(rng);
  const timeoutMs = 2_000;
  const req = checkoutRequest(t0, 2 * timeoutMs + 340);
  const { requestId, server } = req;
  const ids = { order_id: orderId, request_id: requestId, trace_id: traceId };
  olog(server.start + 3, 'info', 'order created', { ...ids, status: 'pending', amount_cents: amount });
  // Attempt 1: payments answers after 1.9 s but the mesh resets the response; timeout at 2 s.
  const call1 = server.start + 25;
  olog(call1, 'info', 'charging payment', { ...ids, attempt: 1, idempotency_key: key });
  const c1 = charge(call1 + 2, 1_880, { orderId, traceId, requestId, key, amount, lookup: 'miss', topic: 'payments.v2' });
  olog(call1 + timeoutMs, 'warn', 'payment call failed', {
    ...ids,
    attempt: 1,
    status: 'pending',
    error: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
    duration_ms: timeoutMs,
  });
  // Attempt 2, 300 ms later, same idempotency key: a replica misses the key, the card is captured again.
  const call2 = call1 + timeoutMs + 300;
  olog(call2, 'info', 'charging payment', { ...ids, attempt: 2, idempotency_key: key });
  const c2 = charge(call2 + 2, 1_850, { orderId, traceId, requestId, key, amount, lookup: 'miss', topic: 'payments.v2' });
  olog(call2 + timeoutMs, 'warn', 'payment call failed', {
    ...ids,
    attempt: 2,
    status: 'pending',
    error: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
    duration_ms: timeoutMs,
  });
  olog(call2 + timeoutMs + 4, 'error', 'payment outcome unknown after 2 attempts; order left pending, waiting for payment webhook', {
    ...ids,
    status: 'pending',
  });
  olog(server.end, 'info', 'request completed', {
    request_id: requestId,
    trace_id: traceId,
    http: { request: { method: 'POST' } },
    url: { path: '/api/checkout' },
    res: { statusCode: 202 },
    duration_ms: server.end - server.start,
  });
  gatewayLine(gateway, rng, req.gw, { method: 'POST', path: '/api/checkout', requestId, code: 202, upstream: 'order-service', client: 'storefront' });
  // The customer's order page polls.
  for (const after of [6_000, 11_000, 21_000, 41_000]) orderRead(server.end + after + rng.int(0, 400), orderId, 'pending');

  // ---- housekeeping ----------------------------------------------------------------------------
  for (let n = t0 - 58_000; n < t0 + 80_000; n += 20_000) {
    olog(n + rng.int(0, 900), 'info', 'webhook consumer idle', { topic: 'payments.v1', lag_messages: 0 });
  }
  olog(t0 - 40_000, 'info', 'config reloaded', { payment_timeout_ms: timeoutMs, retries: 1 });

  ev.add(orders.build());
  ev.add(traces.build());
  ev.domain(STORY_5_FILES.orders, 'order-service', 5, STORY_5_SKEWS.orders);
  ev.domain(STORY_5_FILES.payments, 'payments', 5, STORY_5_SKEWS.payments);
  ev.domain(STORY_5_FILES.payments, 'psp-adapter', 5, STORY_5_SKEWS.psp);

  return {
    story: 5,
    title: 'Payments succeeded, the order service never learned it, and the card was charged twice',
    files: [STORY_5_FILES.payments, STORY_5_FILES.orders],
    firstDivergence: finding({
      kind: 'conflict',
      entity: `order:${orderId}`,
      field: 'status',
      requestIds: [requestId, traceId],
      source: STORY_5_FILES.payments,
      locator: ev.locate(STORY_5_FILES.payments, c1.server.spanId),
      at: c1.server.start,
      atEnd: c1.server.end,
      says: { order_id: orderId, status: 'paid' },
      why: 'payments says the order is paid; the order service keeps saying pending after that',
    }),
    alsoExpected: [
      finding({
        kind: 'duplicate_effect',
        entity: null,
        field: null,
        requestIds: [requestId, traceId],
        source: STORY_5_FILES.payments,
        locator: ev.locate(STORY_5_FILES.payments, c2.capture.spanId),
        at: c2.capture.start,
        atEnd: c2.capture.end,
        says: { payment_action: 'capture', idempotency_key: key },
        why: `a second capture with idempotency key ${key} for order ${orderId}`,
      }),
    ],
    quietEntities: [],
  };
}
