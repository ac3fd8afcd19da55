/**
 * `npm run bench:analyze`: the analysis (identity, alignment, entity state, findings) over a
 * synthetic incident of 1,000,000 events, 100,000 requests, 10,000 entities and four clock
 * domains (a browser HAR and three services with skewed clocks). Prints the time of each stage,
 * the total, and peak RSS. Target (../shared/guides/performance.md): <= 5 s and <= 1 GB RSS.
 *
 *   npm run bench:analyze [-- --events N]
 */
import os from 'node:os';
import { analyzeEvidence, type AnalysisStage } from '@/lib/domain/analysis/analyze';
import type { AnalysisEvent, AnalysisInput } from '@/lib/domain/analysis/input';
import { mulberry32 } from '@/lib/domain/prng';
import { NO_IDS } from '@/lib/domain/event';
import type { AnalysisProfile } from '@/lib/schemas/profile';
import { EventTable } from '@/lib/domain/analysis/event-table';

const EVENTS_PER_REQUEST = 10;
const ENTITIES = 10_000;
/** host clock = true time + skew; the HAR (domain 0) is the reference. */
const SKEWS = [0, 4000, -2500, 1200];
const SERVICES = ['browser.har', 'cart-api', 'inventory', 'payments'];


/** One request: a browser HAR entry containing nine server log lines, three per service. */
function syntheticIncident(eventCount: number): AnalysisInput {
  const random = mulberry32(11);
  const requests = Math.floor(eventCount / EVENTS_PER_REQUEST);
  const bySource: AnalysisEvent[][] = SERVICES.map(() => []);
  const stock = new Int32Array(ENTITIES).fill(100);
  const start = Date.UTC(2026, 10, 20, 10, 0, 0);
  for (let r = 0; r < requests; r++) {
    const t0 = start + r * 20 + random() * 10;
    const requestId = `req-${r.toString(36)}`;
    const item = Math.floor(random() * ENTITIES);
    if (random() < 0.3) stock[item] = stock[item]! - 1;
    const ids = { ...NO_IDS, requestId };
    const har = bySource[0]!;
    har.push({
      source: 0, seq: har.length, locator: { index: har.length }, ts: t0, interval: [t0, t0 + 120], service: SERVICES[0]!,
      level: 'info', name: 'GET /api/items/:id', status: '200', message: null, ids, unparsed: false,
      attributes: { method: 'GET', path: `/api/items/${item}`, responseBody: { item_id: item, stock: stock[item] } },
    });
    for (let k = 0; k < EVENTS_PER_REQUEST - 1; k++) {
      const domain = 1 + (k % 3);
      const events = bySource[domain]!;
      const ts = t0 + 10 + k * 10 + random() * 5 + SKEWS[domain]!;
      events.push({
        source: domain, seq: events.length, locator: { line: events.length + 1 }, ts, interval: k === 0 ? [ts - 5, ts] : null,
        service: SERVICES[domain]!, level: 'info', name: null, status: null, message: 'handled', ids, unparsed: false,
        attributes: { item_id: item, stock: stock[item]! + (domain === 3 && random() < 0.001 ? 1 : 0) },
      });
    }
  }
  return { sources: SERVICES.map((name, i) => ({ name, format: i === 0 ? ('har' as const) : ('jsonl' as const) })), events: EventTable.of(bySource.flat()) };
}

const PROFILE: AnalysisProfile = {
  entities: [{ type: 'item', keys: ['item_id'], paths: ['/api/items/:id'], state: ['stock'], scope: [], stages: {}, owner: 'inventory' }],
  effects: [],
  invariants: [{ name: 'stock never negative', kind: 'range', entity: 'item', field: 'stock', min: 0 }],
  toleranceMs: 1000,
  offsets: {},
};

function main(): void {
  const i = process.argv.indexOf('--events');
  const eventCount = i >= 0 ? Number(process.argv[i + 1]) : 1_000_000;
  const input = syntheticIncident(eventCount);
  const stages: [AnalysisStage | 'total', number][] = [];
  const began = performance.now();
  let last = began;
  const result = analyzeEvidence(input, {
    profile: PROFILE,
    onStageEnd: (stage) => {
      const now = performance.now();
      stages.push([stage, now - last]);
      last = now;
    },
  });
  stages.push(['total', performance.now() - began]);
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  console.log(`input: ${input.events.length.toLocaleString('en-US')} events, ${result.groups.identifiers.length.toLocaleString('en-US')} requests, ${result.alignment.domains.length} clock domains, ${result.observations.length.toLocaleString('en-US')} observations`);
  console.log(`offsets: ${result.alignment.domains.map((d) => `${d.service} ${d.offsetMs.toFixed(0)} ms (skew ${SKEWS[d.source]})`).join(', ')}`);
  console.log(`findings: ${result.divergences.length} divergences, ${result.signals.length} signals`);
  console.log('| stage | ms |\n| --- | --- |');
  for (const [stage, ms] of stages) console.log(`| ${stage} | ${ms.toFixed(0)} |`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (input included)`);
  console.log('targets: analysis of 1M events <= 5,000 ms, <= 1,024 MB RSS');
}

main();
