/**
 * Containment constraints between clock domains (spec section 4).
 *
 * An interval record X = [start, end] in domain A (the container) contains the events Y of
 * ANOTHER domain B that carry the same exact identifier. Then, with Y's own interval [s, e]
 * (s = e = ts for a point event):
 *
 *     offset(B) - offset(A)  in  [e - end, s - start]
 *
 * Keys (what a container is matched by):
 * - a span (locator `{ spanId }`): its own span id. It contains the events that name that id as
 *   their parent (child spans: OTLP parentSpanId, Zipkin parentId, Jaeger CHILD_OF; any event
 *   with ids.parentSpanId), and the events whose ids.spanId is that id: logs and span events
 *   written inside it, and a span of another domain with the same id (Zipkin's shared client /
 *   server span; the server half is shorter, so the server containing the client gives an
 *   empty constraint and is dropped).
 * - a HAR entry: its request and correlation ids; and its span id, which comes from the
 *   request's traceparent / x-b3-spanid header (or a response traceparent): the span of that
 *   very request, so the server's spans naming it as parent and the server's work under it are
 *   inside the entry. (An extension of the spec's list, sound for the same reason.)
 * - any other record with an interval (a log with a duration, a CSV row with start and end):
 *   its request and correlation ids. Its ids.spanId is the span it was written in, not itself,
 *   so it is not a span key.
 * Request and correlation ids are one namespace (as in identity, whose numbering of their values
 * this reads: RequestGroups.requestIdOf): a container's request id matches a contained event's
 * request or correlation id. A trace id is never a key: a trace is
 * wider than any one of its records. Events of the container's own domain are never contained
 * (one clock has no offset to itself). A pair (X, Y) counts once even if several keys match
 * (unless one of those keys is summarized, below, and another is not: rare, it adds weight).
 * A constraint whose interval is empty (Y longer than X) cannot hold and is dropped.
 *
 * Cost. Pairs are enumerated per key: containers(k) x contained(k). When that product exceeds
 * PAIR_CAP (one correlation id over a whole batch job, say), the key switches to a summary:
 * per container X and domain B, ONE constraint from the extremes of k's events in B (earliest
 * start s_min, latest end e_max): [e_max - end, s_min - start], weighted by their count. It is
 * the intersection of the per-event constraints (X holds them all iff it holds this), so it
 * counts exactly the values at which every event is contained, and is pessimistic elsewhere
 * (a single outlier narrows or empties it: such a key then gives little or nothing, instead of
 * something quadratic).
 * Linear in events plus enumerated pairs.
 */
import type { AnalysisSource } from '../analysis/input';
import type { EventTable } from '../analysis/event-table';
import type { RequestGroups } from '../analysis/results';
import { PairConstraints } from './best-offset';
import { IntList } from '../int-list';

/** Largest containers x contained product enumerated pair by pair for one key. */
export const PAIR_CAP = 512;

/** Key of the unordered pair (a < b): its constraints are on offset(b) - offset(a). */
export function pairKey(a: number, b: number, domainCount: number): number {
  return a * domainCount + b;
}

export interface DomainConstraints {
  /** Per pair (a < b, key pairKey(a, b)): constraints on offset(b) - offset(a). */
  pairs: Map<number, PairConstraints>;
  domainCount: number;
}


/** Identity's number for each event's request and correlation id values (request-groups.ts). */
export type RequestIdNumbers = Pick<RequestGroups, 'requestIdOf' | 'correlationIdOf' | 'idValues'>;

/** Slack for floating-point noise when a contained interval is exactly as long as its container. */
const EPSILON_MS = 1e-6;

export function collectConstraints(
  events: EventTable,
  sources: ReadonlyArray<AnalysisSource>,
  domainOf: Int32Array,
  domainCount: number,
  idNumbers: RequestIdNumbers,
): DomainConstraints {
  const n = events.length;
  // Pairs in a dense table while the domains are few (a Map lookup per constraint otherwise).
  const dense = domainCount <= 256 ? new Array<PairConstraints | undefined>(domainCount * domainCount) : null;
  const pairs = new Map<number, PairConstraints>();
  const emit = (a: number, b: number, lo: number, hi: number, weight: number): void => {
    // lo/hi bound offset(b) - offset(a).
    if (!(lo <= hi + EPSILON_MS)) return; // empty, or NaN
    if (lo > hi) lo = hi = (lo + hi) / 2;
    let key: number;
    if (a < b) key = a * domainCount + b;
    else {
      key = b * domainCount + a;
      const t = lo;
      lo = -hi;
      hi = -t;
    }
    let pc = dense !== null ? dense[key] : pairs.get(key);
    if (pc === undefined) {
      pc = new PairConstraints();
      pairs.set(key, pc);
      if (dense !== null) dense[key] = pc;
    }
    pc.push(lo, hi, weight);
  };

  const isHar = sources.map((s) => s.format === 'har');

  // Pass 1: containers and their keys. Request/correlation ids (by identity's number for their
  // value) and span ids (a map) are separate namespaces sharing one key numbering; (key,
  // container) pairs go to flat buffers.
  const { requestIdOf, correlationIdOf } = idNumbers;
  if (requestIdOf.length !== n || correlationIdOf.length !== n) {
    // Numbers of another input's events would pair the wrong containers, silently.
    throw new Error(`identity numbered ${requestIdOf.length} events, alignment was given ${n}`);
  }
  const keyOfId = new Int32Array(idNumbers.idValues).fill(-1);
  let requestKeyCount = 0;
  const spanKeys = new Map<string, number>();
  let keyCount = 0;
  const pairKeys = new IntList();
  const pairEvents = new IntList();
  const { start: startOf, end: endOf, ts: tsOf, spanId: spanIdOf, parentSpanId: parentSpanIdOf, source: sourceOf } = events;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(startOf[i]!)) continue; // no interval: contains nothing
    const span = events.isSpan(i);
    if (!span) {
      const r = requestIdOf[i]!;
      const c = correlationIdOf[i]!;
      if (r >= 0) {
        let k = keyOfId[r]!;
        if (k < 0) {
          keyOfId[r] = k = keyCount++;
          requestKeyCount++;
        }
        pairKeys.push(k);
        pairEvents.push(i);
      }
      if (c >= 0 && c !== r) {
        let k = keyOfId[c]!;
        if (k < 0) {
          keyOfId[c] = k = keyCount++;
          requestKeyCount++;
        }
        pairKeys.push(k);
        pairEvents.push(i);
      }
    }
    const sp = spanIdOf[i];
    if (sp && (span || isHar[sourceOf[i]!])) {
      let k = spanKeys.get(sp);
      if (k === undefined) spanKeys.set(sp, (k = keyCount++));
      pairKeys.push(k);
      pairEvents.push(i);
    }
  }
  if (keyCount === 0) return { pairs, domainCount };
  // Containers of key k: containers[first[k] .. first[k + 1]), in event order.
  const first = new Int32Array(keyCount + 1);
  for (let p = 0; p < pairKeys.length; p++) {
    const k = pairKeys.data[p]! + 1;
    first[k] = first[k]! + 1;
  }
  for (let k = 0; k < keyCount; k++) first[k + 1] = first[k + 1]! + first[k]!;
  const containers = new Int32Array(pairKeys.length);
  {
    const fill = first.slice(0, keyCount);
    for (let p = 0; p < pairKeys.length; p++) {
      const k = pairKeys.data[p]!;
      containers[fill[k]!] = pairEvents.data[p]!;
      fill[k] = fill[k]! + 1;
    }
  }
  // Interval bounds and domain per container slot, read in the hot loop without object hops.
  const cStart = new Float64Array(containers.length);
  const cEnd = new Float64Array(containers.length);
  const cDomain = new Int32Array(containers.length);
  for (let c = 0; c < containers.length; c++) {
    const x = containers[c]!;
    cStart[c] = startOf[x]!;
    cEnd[c] = endOf[x]!;
    cDomain[c] = domainOf[x]!;
  }
  // The one domain of all a key's containers, or -1: an event of that domain pairs with none of
  // them, and its loop over them is skipped (most keys, when a request stays on one service).
  const keyDomain = new Int32Array(keyCount);
  for (let k = 0; k < keyCount; k++) {
    let domain = cDomain[first[k]!]!;
    for (let c = first[k]! + 1; c < first[k + 1]! && domain >= 0; c++) if (cDomain[c] !== domain) domain = -1;
    keyDomain[k] = domain;
  }

  // Pass 2: the keys each timed event matches (up to 4 slots), and how many events each key has.
  const SLOTS = 4;
  const matches = new Int32Array(n * SLOTS).fill(-1);
  const containedCount = new Int32Array(keyCount);
  const hasRequestKeys = requestKeyCount > 0;
  const hasSpanKeys = spanKeys.size > 0;
  // The contained side's [s, e] per event (a point event: s = e = ts), for pass 3.
  const evStart = new Float64Array(n);
  const evEnd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = startOf[i]!;
    if (!Number.isNaN(start)) {
      evStart[i] = start;
      evEnd[i] = endOf[i]!;
    } else if (!Number.isNaN(tsOf[i]!)) {
      evStart[i] = evEnd[i] = tsOf[i]!;
    } else continue;
    let slot = i * SLOTS;
    if (hasRequestKeys) {
      const r = requestIdOf[i]!;
      const c = correlationIdOf[i]!;
      if (r >= 0) {
        const k = keyOfId[r]!;
        if (k >= 0) {
          matches[slot++] = k;
          containedCount[k] = containedCount[k]! + 1;
        }
      }
      if (c >= 0 && c !== r) {
        const k = keyOfId[c]!;
        if (k >= 0) {
          matches[slot++] = k;
          containedCount[k] = containedCount[k]! + 1;
        }
      }
    }
    if (hasSpanKeys) {
      const sp = spanIdOf[i];
      const parent = parentSpanIdOf[i];
      if (sp) {
        const k = spanKeys.get(sp);
        if (k !== undefined) {
          matches[slot++] = k;
          containedCount[k] = containedCount[k]! + 1;
        }
      }
      if (parent && parent !== sp) {
        const k = spanKeys.get(parent);
        if (k !== undefined) {
          matches[slot++] = k;
          containedCount[k] = containedCount[k]! + 1;
        }
      }
    }
  }

  const summarized = new Uint8Array(keyCount);
  for (let k = 0; k < keyCount; k++) {
    if ((first[k + 1]! - first[k]!) * containedCount[k]! > PAIR_CAP) summarized[k] = 1;
  }

  // Pass 3: enumerate (container, contained) pairs; summaries for the keys over the cap.
  // stamp[X] = the last contained event paired with container X (a pair counts once).
  const stamp = new Int32Array(n).fill(-1);
  // Per summarized key: per domain [earliest start, latest end, count].
  const summaries = new Map<number, Map<number, [number, number, number]>>();
  for (let i = 0; i < n; i++) {
    const base = i * SLOTS;
    if (matches[base] === -1) continue;
    const s = evStart[i]!;
    const t = evEnd[i]!;
    const b = domainOf[i]!;
    for (let slot = base; slot < base + SLOTS; slot++) {
      const k = matches[slot]!;
      if (k < 0) break;
      if (summarized[k] === 1) {
        let perDomain = summaries.get(k);
        if (perDomain === undefined) {
          perDomain = new Map();
          summaries.set(k, perDomain);
        }
        const acc = perDomain.get(b);
        if (acc === undefined) perDomain.set(b, [s, t, 1]);
        else {
          if (s < acc[0]) acc[0] = s;
          if (t > acc[1]) acc[1] = t;
          acc[2]++;
        }
        continue;
      }
      if (keyDomain[k] === b) continue;
      const last = first[k + 1]!;
      for (let c = first[k]!; c < last; c++) {
        const a = cDomain[c]!;
        const x = containers[c]!;
        if (a === b || stamp[x] === i) continue;
        stamp[x] = i;
        emit(a, b, t - cEnd[c]!, s - cStart[c]!, 1);
      }
    }
  }
  for (const [k, perDomain] of summaries) {
    const last = first[k + 1]!;
    for (let c = first[k]!; c < last; c++) {
      const a = cDomain[c]!;
      for (const [b, [sMin, eMax, count]] of perDomain) {
        if (b !== a) emit(a, b, eMax - cEnd[c]!, sMin - cStart[c]!, count);
      }
    }
  }
  return { pairs, domainCount };
}
