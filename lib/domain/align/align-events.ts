/**
 * Clock alignment (spec section 4). README of lib/domain/align:
 *
 * Model. A clock domain is a (source, service) pair (clock-domains.ts); each has an offset and
 * aligned time = ts - offset. Interval records contain the work of other domains that carries
 * their exact identifier (constraints.ts: HAR entries and logs with a duration by request /
 * correlation id, spans and HAR traceparent spans by span id; never by trace id). Each
 * containment bounds offset(B) - offset(A) to an interval; per pair of domains the estimate is
 * the value inside the most intervals, the midpoint of that region (best-offset.ts). Offsets
 * spread from the reference along a maximum spanning forest of the pairs (spread.ts).
 *
 * Invariants.
 * - Pure and deterministic: the same input gives the same offsets (all ties break by domain
 *   order = source order, then first-seen service).
 * - Raw time stays on the events (`ts`); `alignedTs[i] = ts - offset(domainOf[i])`, NaN when
 *   the event has no time.
 * - Overrides (profile `offsets` and UI, keyed `source` or `source/service`) always win, and
 *   the domains tied to an overridden one follow it.
 * - `enabled: false` switches alignment off: every offset is 0 (overrides included: "off"
 *   means raw clocks), no domain is aligned, and aligned time equals raw time.
 * - A domain linked to no other and not overridden keeps offset 0, `aligned: false`.
 *
 * Cost: three linear passes over the events (request and correlation ids by identity's numbers,
 * array lookups; span ids through a Map), pair enumeration capped per identifier (PAIR_CAP), one
 * sort per pair of domains.
 */
import type { AnalysisInput } from '../analysis/input';
import type { Alignment, DomainAlignment, RequestGroups } from '../analysis/results';
import { bestOffset } from './best-offset';
import { clockDomains, overrideFor } from './clock-domains';
import { collectConstraints, type RequestIdNumbers } from './constraints';
import { buildRequestGroups } from '../identity/request-groups';
import { spreadOffsets, type PairEdge } from './spread';

export interface AlignOptions {
  /** Manual offsets in ms, keyed by source name or `source/service`. They win. */
  overrides?: Readonly<Record<string, number>>;
  /** false: no alignment (all offsets 0). Default true. */
  enabled?: boolean;
}

/** The pairwise estimates behind an alignment, for tests and diagnostics. */
export function pairEstimates(input: AnalysisInput, domainOf: Int32Array, domainCount: number, idNumbers: RequestIdNumbers): PairEdge[] {
  const { pairs } = collectConstraints(input.events, input.sources, domainOf, domainCount, idNumbers);
  const edges: PairEdge[] = [];
  for (const [key, pc] of pairs) {
    const estimate = bestOffset(pc);
    if (estimate === null) continue;
    edges.push({ a: Math.floor(key / domainCount), b: key % domainCount, estimate });
  }
  edges.sort((x, y) => x.a - y.a || x.b - y.b);
  return edges;
}

/**
 * Aligns the clocks of an incident's domains. Containment matches exact identifiers, by the
 * numbers request identity gave their values (`groups`; built here when not given).
 */
export function alignEvents(
  input: AnalysisInput,
  groups?: RequestGroups | null,
  options: AlignOptions = {},
): Alignment {
  const { domains: keys, domainOf } = clockDomains(input);
  const D = keys.length;
  const enabled = options.enabled !== false;

  let domains: DomainAlignment[];
  let reference: number;
  if (!enabled) {
    domains = keys.map((k) => ({
      source: k.source,
      service: k.service,
      offsetMs: 0,
      offsetRangeMs: null,
      constraints: 0,
      aligned: false,
      overridden: false,
    }));
    reference = D > 0 ? 0 : -1;
  } else {
    const overrides = keys.map((k) => overrideFor(options.overrides, input.sources[k.source]?.name ?? '', k.service));
    const edges = pairEstimates(input, domainOf, D, groups ?? buildRequestGroups(input.events));
    const spread = spreadOffsets(D, edges, overrides);
    reference = spread.reference;
    domains = keys.map((k, d) => {
      const s = spread.domains[d]!;
      return {
        source: k.source,
        service: k.service,
        offsetMs: s.offsetMs,
        offsetRangeMs: s.offsetRangeMs,
        constraints: s.constraints,
        aligned: s.aligned,
        overridden: s.overridden,
      };
    });
  }

  const offsets = new Float64Array(D);
  for (let d = 0; d < D; d++) offsets[d] = domains[d]!.offsetMs;
  const { ts } = input.events;
  const alignedTs = new Float64Array(ts.length);
  // NaN (no time) stays NaN.
  for (let i = 0; i < ts.length; i++) alignedTs[i] = ts[i]! - offsets[domainOf[i]!]!;
  return { domains, domainOf, alignedTs, reference };
}
