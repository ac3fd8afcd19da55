/**
 * The demo incident: realistic evidence for the five stories of the developers' brief, each in
 * its own files and several formats, on skewed clocks, with normal traffic around them, plus
 * the edge gateway's log that every browser and storefront request crosses (story 0).
 *
 * Pure and deterministic: the same seed and base time give the same bytes. The base time is an
 * argument (the command line defaults to 2026-11-20T10:00:00Z). Stories are spaced four minutes
 * apart, so the incident's first divergence is story 1's, and each story's entities are its own
 * (ids and state fields never collide across stories): the per-entity first divergences of the
 * whole incident are the per-story ones.
 *
 * Clock model: each file (or each service of a multi-service trace file) is one clock domain
 * whose host writes true time + skew. Browsers and the gateway are on true time (skew 0) and
 * are the references: the gateway shares requests with every other domain of the incident, and
 * within a story the browser's HAR shares requests with the most domains.
 */
import { Evidence, LineLog } from './evidence-files';
import { Rng } from '../prng';
import { demoProfile, DEMO_TOLERANCE_MS } from './profile';
import type { StoryGenerator } from './story-context';
import { generateStory1 } from './story-1-default-role';
import { generateStory2 } from './story-2-sold';
import { generateStory3 } from './story-3-cart';
import { generateStory4 } from './story-4-stock';
import { generateStory5 } from './story-5-payments';
import type { DemoIncident, StoryExpectation } from './types';
import { iso } from './evidence-files';

/** 2026-11-20T10:00:00Z. */
export const DEFAULT_DEMO_BASE_TIME_MS = Date.UTC(2026, 10, 20, 10, 0, 0);
export const DEFAULT_DEMO_SEED = 1;
export const GATEWAY_FILE = 'edge-gateway.log';

/** When each story's moment happens, after the base time. */
export const STORY_START_OFFSETS_MS: Record<1 | 2 | 3 | 4 | 5, number> = {
  1: 2 * 60_000,
  2: 6 * 60_000,
  3: 10 * 60_000,
  4: 14 * 60_000,
  5: 18 * 60_000,
};

const STORIES: Array<[1 | 2 | 3 | 4 | 5, StoryGenerator]> = [
  [1, generateStory1],
  [2, generateStory2],
  [3, generateStory3],
  [4, generateStory4],
  [5, generateStory5],
];

export interface DemoOptions {
  seed?: number;
  /** Milliseconds since the epoch (whole milliseconds are used). */
  baseTimeMs?: number;
}

export function generateDemo(options: DemoOptions = {}): DemoIncident {
  const seed = Math.trunc(options.seed ?? DEFAULT_DEMO_SEED);
  const base = Math.round(options.baseTimeMs ?? DEFAULT_DEMO_BASE_TIME_MS);
  const evidence = new Evidence();
  const gateway = new LineLog(GATEWAY_FILE, 0, 'logfmt', 0);
  const stories: StoryExpectation[] = [];
  for (const [story, generate] of STORIES) {
    // Each story has its own stream, so changing one story does not reshuffle the others.
    const rng = new Rng((seed * 2_654_435_761 + story * 40_503) >>> 0);
    stories.push(generate({ rng, t0: base + STORY_START_OFFSETS_MS[story], gateway, evidence }));
  }
  const gatewayRng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  for (let t = base; t < base + 21 * 60_000; t += 30_000) {
    gateway.add(t + gatewayRng.int(0, 2_000), (h) => `ts=${iso(h)} level=info svc=edge-gateway msg="upstream health" healthy=14 unhealthy=0`);
  }
  evidence.add(gateway.build());
  evidence.domain(GATEWAY_FILE, 'edge-gateway', 0, 0);

  const first = stories.reduce((a, b) => (Date.parse(b.firstDivergence.at) < Date.parse(a.firstDivergence.at) ? b : a));
  return {
    files: evidence.files,
    profile: demoProfile(),
    expectations: {
      seed,
      baseTime: iso(base),
      toleranceMs: DEMO_TOLERANCE_MS,
      stories,
      domains: evidence.domains,
      firstDivergence: first.firstDivergence,
    },
  };
}
