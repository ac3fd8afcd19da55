import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { alignEvents, pairEstimates } from './align-events';
import { clockDomains } from './clock-domains';
import { collectConstraints } from './constraints';
import { buildRequestGroups } from '../identity/request-groups';
import { testInput, type TestEventSpec } from '@/lib/test-support/align-test-events';
import { EventTable } from '../analysis/event-table';

const req = (requestId: string) => ({ requestId });


function domainNamed(a: ReturnType<typeof alignEvents>, service: string) {
  const d = a.domains.find((x) => x.service === service);
  if (!d) throw new Error(`no domain ${service}`);
  return d;
}

describe('alignEvents: one pair', () => {
  it('a HAR entry [100,300] containing a server log at 1200 puts the server at 1000, range [900,1100]', () => {
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [100, 300], ids: req('A') },
      { source: 1, ts: 1200, ids: req('A') },
    ]);
    const a = alignEvents(input);
    expect(a.reference).toBe(0);
    expect(a.domains[0]).toMatchObject({ offsetMs: 0, aligned: true, overridden: false, constraints: 1 });
    expect(a.domains[1]).toMatchObject({ offsetMs: 1000, offsetRangeMs: [900, 1100], constraints: 1, aligned: true });
    expect(Array.from(a.alignedTs)).toEqual([100, 200]);
    expect(Array.from(a.domainOf)).toEqual([0, 1]);
  });

  it('several agreeing constraints narrow the region to where they all hold', () => {
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [100, 300], ids: req('A') }, // d in [900, 1100]
      { source: 0, interval: [1000, 1150], ids: req('B') }, // d in [950, 1100]
      { source: 0, interval: [2000, 2200], ids: req('C') }, // d in [850, 1050]
      { source: 1, ts: 1200, ids: req('A') },
      { source: 1, ts: 2100, ids: req('B') },
      { source: 1, ts: 3050, ids: req('C') },
    ]);
    const s = alignEvents(input).domains[1]!;
    expect(s.offsetRangeMs).toEqual([950, 1050]);
    expect(s.offsetMs).toBe(1000);
    expect(s.constraints).toBe(3);
  });

  it('a contained interval bounds d by both its ends: [e - end, s - start]', () => {
    const input = testInput(['browser.har', { name: 'api.log', format: 'jsonl' }], [
      { source: 0, interval: [100, 300], ids: req('A') },
      // a server access log with a duration: [1150, 1250] (ts = end)
      { source: 1, ts: 1250, interval: [1150, 1250], ids: req('A') },
    ]);
    // d in [1250 - 300, 1150 - 100] = [950, 1050]; the server interval (100 ms) cannot contain
    // the HAR entry (200 ms): that direction gives an empty constraint and is dropped.
    const a = alignEvents(input);
    expect(a.domains[1]).toMatchObject({ offsetMs: 1000, offsetRangeMs: [950, 1050], constraints: 1 });
  });

  it('a few events just outside their window (a client applying a response after it arrived) do not pull the estimate', () => {
    const specs: TestEventSpec[] = [];
    // True d = 1000. The server's access log (with a duration) "contains" the browser's apply
    // log lines, which are really 20-40 ms after the response: two wrong constraints.
    for (let r = 0; r < 5; r++) {
      const t0 = r * 10_000;
      specs.push({ source: 0, interval: [t0, t0 + 200], ids: req(`R${r}`) });
      specs.push({ source: 1, ts: t0 + 1000 + 50, ids: req(`R${r}`) });
      specs.push({ source: 1, ts: t0 + 1000 + 150, ids: req(`R${r}`) });
    }
    specs.push({ source: 1, ts: 1000 + 190, interval: [1000 + 20, 1000 + 190], ids: req('R0') });
    specs.push({ source: 0, ts: 240, ids: req('R0') }); // applied 40 ms after the response
    specs.push({ source: 1, ts: 11_000 + 190, interval: [11_000 + 20, 11_000 + 190], ids: req('R1') });
    specs.push({ source: 0, ts: 10_000 + 260, ids: req('R1') });
    const input = testInput(['browser.har', 'server.log'], specs);
    const a = alignEvents(input);
    const s = a.domains[1]!;
    // Correct: d in [850, 1050] and [950, 1150] from every HAR entry and its point logs,
    // [990, 1020] from the two access logs: 12 constraints; the two outliers say d in
    // [780, 950] and [760, 930].
    expect(s.constraints).toBe(12);
    expect(s.offsetRangeMs).toEqual([990, 1020]);
    expect(s.offsetMs).toBe(1005);
  });

  it('constraints that disagree: the larger cluster wins', () => {
    const specs: TestEventSpec[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = r * 10_000;
      specs.push({ source: 0, interval: [t0, t0 + 200], ids: req(`R${r}`) });
      // three requests say d ~ 1000, two say d ~ 5000 (say, a second server replica with a bad clock, one domain)
      specs.push({ source: 1, ts: t0 + 100 + (r < 3 ? 1000 : 5000), ids: req(`R${r}`) });
    }
    const a = alignEvents(testInput(['browser.har', 'server.log'], specs));
    expect(a.domains[1]).toMatchObject({ offsetMs: 1000, offsetRangeMs: [900, 1100], constraints: 3 });
  });

  it('ties between disjoint regions go to the region closest to 0', () => {
    const a = alignEvents(
      testInput(['browser.har', 'server.log'], [
        { source: 0, interval: [0, 200], ids: req('A') },
        { source: 0, interval: [10_000, 10_200], ids: req('B') },
        { source: 1, ts: 1100, ids: req('A') }, // d in [900, 1100]
        { source: 1, ts: 9_800, ids: req('B') }, // d in [-400, -200]
      ]),
    );
    expect(a.domains[1]).toMatchObject({ offsetMs: -300, offsetRangeMs: [-400, -200], constraints: 1 });
    // ...also when the closer region comes later in the sweep
    const later = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [0, 200], ids: req('A') },
      { source: 0, interval: [10_000, 10_200], ids: req('B') },
      { source: 1, ts: 300, ids: req('A') }, // d in [100, 300]
      { source: 1, ts: 9_000, ids: req('B') }, // d in [-1200, -1000]
    ]);
    const b = alignEvents(later);
    expect(b.domains[1]).toMatchObject({ offsetMs: 200, offsetRangeMs: [100, 300], constraints: 1 });
    const [edge] = pairEstimates(later, b.domainOf, 2, buildRequestGroups(later.events));
    expect(edge!.estimate.ambiguous).toBe(true);
  });

  it('a region containing 0 wins a tie; touching windows overlap (closed intervals)', () => {
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [0, 200], ids: req('A') },
      { source: 0, interval: [1000, 1200], ids: req('B') },
      { source: 0, interval: [5000, 5200], ids: req('C') },
      { source: 1, ts: 100, ids: req('A') }, // [-100, 100]
      { source: 1, ts: 1300, ids: req('B') }, // [100, 300]: touches A's window at 100
      { source: 1, ts: 9000, ids: req('C') }, // [3800, 4000]
    ]);
    const [edge] = pairEstimates(input, clockDomains(input).domainOf, 2, buildRequestGroups(input.events));
    expect(edge!.estimate).toMatchObject({ count: 2, lo: 100, hi: 100, value: 100, ambiguous: false });
  });

  it('a shared trace id alone gives no constraint', () => {
    const t = '4bf92f3577b34da6a3ce929d0e0e4736';
    const a = alignEvents(
      testInput(['browser.har', 'server.log'], [
        { source: 0, interval: [100, 300], ids: { traceId: t } },
        { source: 1, ts: 1200, ids: { traceId: t } },
      ]),
    );
    expect(a.domains[1]).toMatchObject({ offsetMs: 0, offsetRangeMs: null, constraints: 0, aligned: false });
    expect(a.domains[0]!.aligned).toBe(false);
  });

  it('events of the container’s own domain give no constraint', () => {
    const a = alignEvents(
      testInput(['browser.har'], [
        { source: 0, interval: [100, 300], ids: req('A') },
        { source: 0, ts: 5000, ids: req('A') },
      ]),
    );
    expect(a.domains).toHaveLength(1);
    expect(a.domains[0]).toMatchObject({ offsetMs: 0, aligned: false });
  });

  it('a correlation id matches a request id of the same value', () => {
    const a = alignEvents(
      testInput(['browser.har', 'server.log'], [
        { source: 0, interval: [100, 300], ids: { requestId: 'A' } },
        { source: 1, ts: 1200, ids: { correlationId: 'A' } },
        { source: 1, ts: 1210, ids: { requestId: 'A', correlationId: 'A' } }, // counts once
      ]),
    );
    expect(a.domains[1]).toMatchObject({ offsetRangeMs: [910, 1100], constraints: 2 });
  });

  it('a request id matches no trace id of the same value (identity numbers both alike)', () => {
    const t = '4bf92f3577b34da6a3ce929d0e0e4736';
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [100, 300], ids: { requestId: t } },
      { source: 1, ts: 1200, ids: { traceId: t } },
      { source: 1, ts: 1250, ids: { requestId: t } },
    ]);
    const groups = buildRequestGroups(input.events);
    // One identifier value, one number: the request id and the trace id are one request...
    expect(groups.requestIdOf[0]).toBe(0);
    expect(Array.from(groups.groupOf)).toEqual([0, 0, 0]);
    // ...but only the event whose request id is that value is contained.
    expect(alignEvents(input, groups).domains[1]).toMatchObject({ offsetRangeMs: [950, 1150], constraints: 1 });
  });

  it('a container whose only id is a trace id contains nothing, even an event whose request id is that value', () => {
    const t = '4bf92f3577b34da6a3ce929d0e0e4736';
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [100, 300], ids: { traceId: t } },
      { source: 1, ts: 1200, ids: { requestId: t } },
    ]);
    expect(alignEvents(input, buildRequestGroups(input.events)).domains[1]).toMatchObject({ constraints: 0, aligned: false });
  });

  it('empty request ids contain nothing', () => {
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [100, 300], ids: { requestId: '' } },
      { source: 1, ts: 1200, ids: { requestId: '' } },
    ]);
    expect(alignEvents(input).domains[1]).toMatchObject({ constraints: 0, aligned: false });
  });

  it('refuses identity numbers of another input (they would pair the wrong containers)', () => {
    const input = testInput(['browser.har', 'server.log'], [
      { source: 0, interval: [100, 300], ids: req('A') },
      { source: 1, ts: 1200, ids: req('A') },
    ]);
    const twice = input.events.toArray();
    const other = buildRequestGroups(EventTable.of([...twice, ...twice]));
    expect(() => alignEvents(input, other)).toThrow(/identity numbered 4 events, alignment was given 2/);
  });
});

describe('alignEvents: spans', () => {
  const otlp = { name: 'traces.json', format: 'otlp' as const };

  it('a span contains the child spans of another domain that name it as parent', () => {
    // One OTLP file, two services: two domains. Backend clock +250.
    const a = alignEvents(
      testInput([otlp], [
        { source: 0, service: 'frontend', span: true, interval: [1000, 2000], ids: { spanId: 'aa', traceId: 't' } },
        { source: 0, service: 'backend', span: true, interval: [1350, 1950], ids: { spanId: 'bb', parentSpanId: 'aa', traceId: 't' } },
      ]),
    );
    // d in [1950 - 2000, 1350 - 1000] = [-50, 350]
    expect(domainNamed(a, 'backend')).toMatchObject({ offsetRangeMs: [-50, 350], offsetMs: 150, constraints: 1 });
  });

  it('a span contains the logs of another domain written with its span id', () => {
    const a = alignEvents(
      testInput([otlp, 'worker.log'], [
        { source: 0, service: 'api', span: true, interval: [1000, 1100], ids: { spanId: 'aa' } },
        { source: 1, ts: 4050, ids: { spanId: 'aa' } },
      ]),
    );
    expect(a.domains[1]).toMatchObject({ offsetRangeMs: [2950, 3050], offsetMs: 3000 });
  });

  it("a span's own id does not make it contain itself, and a log's span id is not a container key", () => {
    const a = alignEvents(
      testInput(['a.log', 'b.log'], [
        // a log with a duration written inside span aa: it is not span aa
        { source: 0, ts: 1100, interval: [1000, 1100], ids: { spanId: 'aa' } },
        { source: 1, ts: 5000, ids: { parentSpanId: 'aa' } },
      ]),
    );
    expect(a.domains[1]!.aligned).toBe(false);
  });

  it("a Zipkin shared span: the client half contains the server half of another domain", () => {
    const zipkin = { name: 'zipkin.json', format: 'zipkin' as const };
    const a = alignEvents(
      testInput([zipkin], [
        { source: 0, service: 'client', span: true, interval: [0, 100], ids: { spanId: 'cc' } },
        { source: 0, service: 'server', span: true, interval: [1030, 1080], ids: { spanId: 'cc' } },
      ]),
    );
    // d in [1080 - 100, 1030 - 0] = [980, 1030]; the server half cannot contain the client half.
    expect(domainNamed(a, 'server')).toMatchObject({ offsetRangeMs: [980, 1030], constraints: 1 });
  });

  it("a HAR entry's traceparent span contains the server spans under it", () => {
    const a = alignEvents(
      testInput(['browser.har', otlp], [
        { source: 0, interval: [100, 300], ids: { spanId: 'f00d', traceId: 't' } },
        { source: 1, service: 'api', span: true, interval: [2150, 2250], ids: { spanId: 'bb', parentSpanId: 'f00d', traceId: 't' } },
      ]),
    );
    expect(a.domains[1]).toMatchObject({ offsetRangeMs: [1950, 2050], offsetMs: 2000 });
  });

  it('a log record with a duration contains the work of another domain under its request id', () => {
    const a = alignEvents(
      testInput(['api.log', 'db.log'], [
        { source: 0, ts: 1500, interval: [1000, 1500], ids: req('Q') },
        { source: 1, ts: 800, ids: req('Q') },
      ]),
    );
    expect(a.domains[1]).toMatchObject({ offsetRangeMs: [-700, -200], offsetMs: -450 });
  });
});

describe('alignEvents: reference and spreading', () => {
  it('the reference is the domain that shares requests with the most others', () => {
    const a = alignEvents(
      testInput(['a.log', 'hub.log', 'c.log'], [
        { source: 1, ts: 1200, interval: [1000, 1200], ids: req('X') },
        { source: 0, ts: 1100, ids: req('X') },
        { source: 1, ts: 2200, interval: [2000, 2200], ids: req('Y') },
        { source: 2, ts: 2100, ids: req('Y') },
      ]),
    );
    expect(a.reference).toBe(1);
    expect(a.domains.map((d) => d.offsetMs)).toEqual([0, 0, 0]);
    expect(a.domains[1]!.constraints).toBe(2);
  });

  it('ties for the reference go to the earliest source', () => {
    const a = alignEvents(
      testInput(['a.log', 'b.log'], [
        { source: 1, ts: 1200, interval: [1000, 1200], ids: req('X') },
        { source: 0, ts: 1600, ids: req('X') },
      ]),
    );
    expect(a.reference).toBe(0);
    // container in b (domain 1) contains a (domain 0): offset(a) - offset(b) in [400, 600]
    expect(a.domains[1]).toMatchObject({ offsetMs: -500, offsetRangeMs: [-600, -400] });
  });

  it('spreads along a chain adding offsets with their signs', () => {
    // Clocks (true offsets): a 0, d +100, b +300, c -200. a is the reference (degree 2, earliest).
    const specs: TestEventSpec[] = [
      // a contains d's work: d - a in [90, 110]
      { source: 0, ts: 1200, interval: [1000, 1200], ids: req('AD') },
      { source: 3, ts: 1110, interval: [1110, 1290], ids: req('AD') },
      // b contains a's work (reverse direction): a - b in [-310, -290]  => b - a in [290, 310]
      { source: 1, ts: 2500, interval: [2300, 2500], ids: req('AB') },
      { source: 0, ts: 2010, interval: [2010, 2190], ids: req('AB') },
      // c contains b's work: b - c in [490, 510] => c - b in [-510, -490]
      { source: 2, ts: 3000, interval: [2800, 3000], ids: req('BC') },
      { source: 1, ts: 3310, interval: [3310, 3490], ids: req('BC') },
    ];
    const a = alignEvents(testInput(['a.log', 'b.log', 'c.log', 'd.log'], specs));
    expect(a.reference).toBe(0);
    expect(a.domains.map((d) => d.offsetMs)).toEqual([0, 300, -200, 100]);
    expect(a.domains[2]!.offsetRangeMs).toEqual([300 - 510, 300 - 490]);
    expect(a.domains.every((d) => d.aligned)).toBe(true);
    expect(a.domains[3]!.offsetRangeMs).toEqual([90, 110]);
    expect(a.domains[1]!.offsetRangeMs).toEqual([290, 310]);
    // aligned time = ts - offset: c's container, written at 3000 by c's clock (-200), is 3200
    expect(a.alignedTs[a.domainOf.indexOf(2)]).toBe(3200);
  });

  it('prefers the strongest pair when a domain is reachable two ways', () => {
    // a-b (3 constraints, d=+1000), b-c (3, d=+1000) and a-c (1, says +500 wrongly).
    const specs: TestEventSpec[] = [];
    for (let r = 0; r < 3; r++) {
      const t = r * 10_000;
      specs.push({ source: 0, interval: [t, t + 200], ts: t, ids: req(`ab${r}`) });
      specs.push({ source: 1, ts: t + 1100, ids: req(`ab${r}`) });
      specs.push({ source: 1, interval: [t + 50_000, t + 50_200], ts: t + 50_000, ids: req(`bc${r}`) });
      specs.push({ source: 2, ts: t + 50_000 + 1100, ids: req(`bc${r}`) });
    }
    specs.push({ source: 0, interval: [90_000, 90_200], ts: 90_000, ids: req('ac') });
    specs.push({ source: 2, ts: 90_600, ids: req('ac') });
    const a = alignEvents(testInput(['a.har', 'b.log', 'c.log'], specs));
    // a-b is used, then b-c (3 constraints) rather than a-c (1): c is at 1000 + 1000.
    expect(a.domains.map((d) => d.offsetMs)).toEqual([0, 1000, 2000]);
    expect(a.domains[2]!.constraints).toBe(3);
  });

  it('a domain that shares no request keeps 0 and is unaligned', () => {
    const a = alignEvents(
      testInput(['browser.har', 'server.log', 'cron.log'], [
        { source: 0, interval: [100, 300], ids: req('A') },
        { source: 1, ts: 1200, ids: req('A') },
        { source: 2, ts: 5000, ids: req('Z') },
        { source: 2, ts: null, ids: req('Z') },
      ]),
    );
    expect(a.domains[2]).toMatchObject({ offsetMs: 0, offsetRangeMs: null, constraints: 0, aligned: false, overridden: false });
    expect(a.alignedTs[2]).toBe(5000);
    expect(Number.isNaN(a.alignedTs[3])).toBe(true);
  });

  it('another component gets its own reference at 0 and is aligned within itself', () => {
    const a = alignEvents(
      testInput(['browser.har', 'server.log', 'pay.log', 'pay-worker.log'], [
        { source: 0, interval: [100, 300], ids: req('A') },
        { source: 1, ts: 1200, ids: req('A') },
        { source: 2, ts: 1200, interval: [1000, 1200], ids: req('P') },
        { source: 3, ts: 1600, ids: req('P') },
      ]),
    );
    expect(a.reference).toBe(0);
    expect(a.domains.map((d) => d.offsetMs)).toEqual([0, 1000, 0, 500]);
    expect(a.domains.map((d) => d.aligned)).toEqual([true, true, true, true]);
  });
});

describe('alignEvents: overrides and switching off', () => {
  const specs: TestEventSpec[] = [
    { source: 0, interval: [100, 300], ids: req('A') },
    { source: 1, ts: 1200, ids: req('A') },
    // server contains db's work: db - server in [290, 310]
    { source: 1, ts: 2200, interval: [2000, 2200], ids: req('B') },
    { source: 2, ts: 2310, interval: [2310, 2490], ids: req('B') },
    { source: 3, ts: 7, ids: req('lonely') },
  ];
  const input = testInput(['browser.har', 'server.log', 'db.log', 'cron.log'], specs);

  it('without overrides', () => {
    const a = alignEvents(input);
    expect(a.reference).toBe(1); // the server shares requests with two domains
    expect(a.domains.map((d) => d.offsetMs)).toEqual([-1000, 0, 300, 0]);
  });

  it('an override wins, and the domains tied to it follow', () => {
    const a = alignEvents(input, null, { overrides: { 'server.log': 4000 } });
    expect(a.domains[1]).toMatchObject({ offsetMs: 4000, overridden: true, aligned: true, offsetRangeMs: [4000, 4000] });
    // The override anchors the spread: the browser and the db are placed relative to it.
    expect(a.domains.map((d) => d.offsetMs)).toEqual([3000, 4000, 4300, 0]);
    expect(a.alignedTs[1]).toBe(1200 - 4000);
  });

  it('an override of a non-reference domain keeps the reference at 0', () => {
    const a = alignEvents(input, null, { overrides: { 'db.log/db.log': 123, 'cron.log': -50 } });
    expect(a.domains.map((d) => d.offsetMs)).toEqual([-1000, 0, 123, -50]);
    expect(a.domains[3]).toMatchObject({ overridden: true, aligned: true });
    expect(a.domains[0]!.overridden).toBe(false);
  });

  it('source/service beats the source name', () => {
    const a = alignEvents(input, null, { overrides: { 'db.log': 1, 'db.log/db.log': 2 } });
    expect(a.domains[2]!.offsetMs).toBe(2);
  });

  it('enabled: false gives every domain 0 and aligned time = raw time', () => {
    const a = alignEvents(input, null, { enabled: false, overrides: { 'server.log': 4000 } });
    expect(a.domains.map((d) => d.offsetMs)).toEqual([0, 0, 0, 0]);
    expect(a.domains.every((d) => !d.aligned && !d.overridden)).toBe(true);
    expect(Array.from(a.alignedTs)).toEqual(Array.from(input.events.ts));
    // ...and switching it on changes the order of the request's events.
    const on = alignEvents(input);
    expect(on.alignedTs[1]! < on.alignedTs[0]! + 300).toBe(true);
    expect(a.alignedTs[1]! > a.alignedTs[0]! + 300).toBe(true);
  });

  it('an override in another component moves that whole component', () => {
    const a = alignEvents(
      testInput(['browser.har', 'server.log', 'pay.log', 'pay-worker.log'], [
        { source: 0, interval: [100, 300], ids: req('A') },
        { source: 1, ts: 1200, ids: req('A') },
        { source: 2, ts: 1200, interval: [1000, 1200], ids: req('P') },
        { source: 3, ts: 1600, ids: req('P') },
      ]),
      null,
      { overrides: { 'pay-worker.log': 2500 } },
    );
    expect(a.domains.map((d) => d.offsetMs)).toEqual([0, 1000, 2000, 2500]);
  });
});

describe('alignEvents: skew recovery', () => {
  it('recovers a +4000 ms server skew within a few ms from jittery HAR entries', () => {
    const random = mulberry32(42);
    const skew = 4000;
    const specs: TestEventSpec[] = [];
    let t = 1_700_000_000_000;
    for (let r = 0; r < 300; r++) {
      t += 50 + random() * 500;
      const up = 5 + random() * 40; // network to the server
      const work = 5 + random() * 80;
      const down = 5 + random() * 40;
      const start = t;
      const end = t + up + work + down;
      specs.push({ source: 0, interval: [start, end], ids: req(`r${r}`) });
      // server: an access log with a duration, plus two point logs inside the work
      const s0 = start + up + skew;
      specs.push({ source: 1, ts: s0 + work, interval: [s0, s0 + work], ids: req(`r${r}`) });
      specs.push({ source: 1, ts: s0 + random() * work, ids: req(`r${r}`) });
      specs.push({ source: 1, ts: s0 + random() * work, ids: req(`r${r}`) });
      // now and then the browser logs that it applied the response (after it arrived)
      if (r % 7 === 0) specs.push({ source: 0, ts: end + 1 + random() * 30, ids: req(`r${r}`) });
    }
    const a = alignEvents(testInput(['admin.har', 'cart-api.log'], specs));
    const server = a.domains[1]!;
    expect(Math.abs(server.offsetMs - skew)).toBeLessThan(5);
    expect(server.offsetRangeMs![0]).toBeLessThanOrEqual(skew);
    expect(server.offsetRangeMs![1]).toBeGreaterThanOrEqual(skew);
    expect(server.constraints).toBe(900);
  });

  it('keys shared by too many events are summarized, not enumerated, and still align', () => {
    // One correlation id over a whole batch: 100 containers x 1000 events (> PAIR_CAP).
    const specs: TestEventSpec[] = [];
    for (let k = 0; k < 100; k++) specs.push({ source: 0, ts: 0, interval: [0, 10_000 + k], ids: { correlationId: 'batch' } });
    for (let k = 0; k < 1000; k++) specs.push({ source: 1, ts: 700 + 1000 + k * 8, ids: { correlationId: 'batch' } });
    const input = testInput(['batch.log', 'worker.log'], specs);
    const a = alignEvents(input);
    // The strictest summary: every event inside [0, 10000]: d in [9692 - 10000, 1700 - 0].
    expect(a.domains[1]!.offsetRangeMs).toEqual([-308, 1700]);
    expect(a.domains[1]!.constraints).toBe(100 * 1000);
    // one weighted constraint per container, not 100 x 1000
    const { pairs } = collectConstraints(input.events, input.sources, a.domainOf, 2, buildRequestGroups(input.events));
    expect(pairs.get(1)!.n).toBe(100);
    expect(pairs.get(1)!.total).toBe(100 * 1000);
  });
});

describe('alignEvents: speed', () => {
  it('recovers four skews across 1M events and 100k requests (speed is measured by bench:analyze)', () => {
    const input = syntheticIncident(100_000);
    expect(input.events.length).toBe(1_000_000);
    const a = alignEvents(input);
    const expected = [0, 4000, -1500, 250];
    a.domains.forEach((d, i) => expect(Math.abs(d.offsetMs - expected[i]!)).toBeLessThan(10));
  });
});

/** 10 events per request over 4 domains with known skews (browser 0, api +4000, worker -1500, db +250). */
function syntheticIncident(requests: number) {
  const random = mulberry32(7);
  const specs: TestEventSpec[][] = [[], [], [], []];
  let t = 1_700_000_000_000;
  for (let r = 0; r < requests; r++) {
    t += 10 + random() * 20;
    const id = `req-${r}`;
    const start = t;
    const apiStart = start + 10 + random() * 10;
    const apiEnd = apiStart + 40 + random() * 40;
    const end = apiEnd + 10 + random() * 10;
    specs[0]!.push({ source: 0, interval: [start, end], ids: { requestId: id, spanId: `b${r}` } });
    const a0 = apiStart + 4000;
    const a1 = apiEnd + 4000;
    specs[1]!.push({ source: 1, ts: a1, interval: [a0, a1], ids: { requestId: id } });
    specs[1]!.push({ source: 1, ts: a0 + 1, ids: { requestId: id } });
    specs[1]!.push({ source: 1, ts: a0 + 5, ids: { requestId: id, traceId: `t${r}` } });
    // worker spans under the browser's traceparent span, -1500
    const w0 = apiStart + 5 - 1500;
    specs[2]!.push({ source: 2, span: true, interval: [w0, w0 + 20], ids: { spanId: `w${r}`, parentSpanId: `b${r}`, traceId: `t${r}` } });
    specs[2]!.push({ source: 2, span: true, interval: [w0 + 2, w0 + 10], ids: { spanId: `x${r}`, parentSpanId: `w${r}`, traceId: `t${r}` } });
    specs[2]!.push({ source: 2, ts: w0 + 3, ids: { spanId: `x${r}`, traceId: `t${r}` } });
    // db logs inside the api request, +250
    for (let k = 0; k < 3; k++) specs[3]!.push({ source: 3, ts: apiStart + 20 + k * 5 + 250, ids: { correlationId: id } });
  }
  return testInput(['browser.har', 'api.log', { name: 'traces.json', format: 'otlp' }, 'db.log'], specs.flat());
}
