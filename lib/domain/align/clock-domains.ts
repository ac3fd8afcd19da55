/**
 * Clock domains (spec section 4): one per (source, service) pair. An event's domain is its
 * source and its service (the source name when the event names none: spec section 2, and the
 * parsers already fall back to it). Domains are numbered in the order of their first event, so
 * by source order and then by first-seen service: that order breaks every tie in alignment.
 */
import type { AnalysisInput, DomainKey } from '../analysis/input';

export interface ClockDomains {
  domains: DomainKey[];
  /** Domain index per event. */
  domainOf: Int32Array;
}

export function clockDomains(input: AnalysisInput): ClockDomains {
  const { sources, events } = input;
  const bySource: Array<Map<string, number> | undefined> = new Array(sources.length);
  const domains: DomainKey[] = [];
  const domainOf = new Int32Array(events.length);
  let lastSource = -1;
  let lastService: string | null = null;
  let lastDomain = -1;
  const { source: sourceOf, service: serviceOf } = events;
  for (let i = 0; i < events.length; i++) {
    const source = sourceOf[i]!;
    const service = serviceOf[i] ?? sources[source]?.name ?? '';
    // Consecutive events mostly share a domain: skip the Map then.
    if (source === lastSource && service === lastService) {
      domainOf[i] = lastDomain;
      continue;
    }
    let map = bySource[source];
    if (map === undefined) {
      map = new Map();
      bySource[source] = map;
    }
    let d = map.get(service);
    if (d === undefined) {
      d = domains.length;
      map.set(service, d);
      domains.push({ source, service });
    }
    domainOf[i] = d;
    lastSource = source;
    lastService = service;
    lastDomain = d;
  }
  return { domains, domainOf };
}

/**
 * The manual offset for a domain: profile `offsets` and UI overrides are keyed by a source
 * name, or by `source/service` for one domain of a multi-service file; the more specific key
 * wins. Non-finite values are ignored.
 */
export function overrideFor(
  overrides: Readonly<Record<string, number>> | undefined,
  sourceName: string,
  service: string,
): number | null {
  if (!overrides) return null;
  const specific = overrides[`${sourceName}/${service}`];
  if (typeof specific === 'number' && Number.isFinite(specific)) return specific;
  const whole = overrides[sourceName];
  if (typeof whole === 'number' && Number.isFinite(whole)) return whole;
  return null;
}
