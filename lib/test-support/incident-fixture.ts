/**
 * Test support (used only by tests of lib/domain/state and lib/domain/findings): a small incident
 * built from a compact list of events, with the identity and alignment stages faked in the
 * simplest way (request groups = union of the ids that appear together, offsets given by hand).
 */
import type { AnalysisEvent, AnalysisInput } from '@/lib/domain/analysis/input';
import type { Alignment, DomainAlignment, RequestGroups } from '@/lib/domain/analysis/results';
import type { FormatId } from '@/lib/domain/parse/formats';
import type { Locator } from '@/lib/domain/event';
import { EventTable } from '@/lib/domain/analysis/event-table';

/** 2026-11-20T10:00:00.000Z: `t` of an event spec counts from here. */
export const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);

export interface EventSpec {
  source: string;
  /** ms after T0, as the source reports it. */
  t: number | null;
  service?: string;
  /** Interval [ts, ts + duration] (HAR entries, spans). */
  duration?: number;
  name?: string;
  status?: string;
  level?: string;
  message?: string;
  attributes?: Record<string, unknown>;
  requestId?: string;
  correlationId?: string;
  traceId?: string;
  sessionId?: string;
  spanId?: string;
  unparsed?: boolean;
}

export interface IncidentSpec {
  sources: { name: string; format?: FormatId }[];
  events: EventSpec[];
  /** Offset per domain, by `source` or `source/service`. */
  offsets?: Record<string, number>;
}

export interface Incident {
  input: AnalysisInput;
  alignment: Alignment;
  groups: RequestGroups;
}

export function buildIncident(spec: IncidentSpec): Incident {
  const position = new Map(spec.sources.map((s, i) => [s.name, i]));
  const ordered = spec.events
    .map((e, i) => ({ e, i, source: position.get(e.source) ?? -1 }))
    .sort((a, b) => a.source - b.source || a.i - b.i);
  const seqs = new Map<number, number>();
  const events: AnalysisEvent[] = ordered.map(({ e, source }) => {
    if (source < 0) throw new Error(`unknown source ${e.source}`);
    const seq = seqs.get(source) ?? 0;
    seqs.set(source, seq + 1);
    const format = spec.sources[source]?.format ?? 'jsonl';
    const locator: Locator = e.spanId ? { spanId: e.spanId } : format === 'har' || format === 'json' ? { index: seq } : { line: seq + 1 };
    const ts = e.t === null ? null : T0 + e.t;
    return {
      locator,
      ts,
      interval: ts !== null && e.duration !== undefined ? [ts, ts + e.duration] : null,
      service: e.service ?? e.source,
      level: e.level ?? null,
      name: e.name ?? null,
      status: e.status ?? null,
      message: e.message ?? null,
      ids: {
        requestId: e.requestId ?? null,
        correlationId: e.correlationId ?? null,
        traceId: e.traceId ?? null,
        spanId: e.spanId ?? null,
        parentSpanId: null,
        sessionId: e.sessionId ?? null,
      },
      attributes: e.attributes ?? {},
      unparsed: e.unparsed ?? false,
      source,
      seq,
    };
  });

  const domains: DomainAlignment[] = [];
  const domainIndex = new Map<string, number>();
  const domainOf = new Int32Array(events.length);
  const alignedTs = new Float64Array(events.length);
  const servicesPerSource = new Map<number, Set<string>>();
  for (const ev of events) {
    const set = servicesPerSource.get(ev.source) ?? new Set<string>();
    set.add(ev.service ?? '');
    servicesPerSource.set(ev.source, set);
  }
  events.forEach((ev, i) => {
    const key = `${ev.source}\u0000${ev.service}`;
    let d = domainIndex.get(key);
    const sourceName = spec.sources[ev.source]?.name as string;
    if (d === undefined) {
      d = domains.length;
      domainIndex.set(key, d);
      const offset = spec.offsets?.[`${sourceName}/${ev.service}`] ?? spec.offsets?.[sourceName] ?? 0;
      domains.push({ source: ev.source, service: ev.service ?? '', offsetMs: offset, offsetRangeMs: null, constraints: 0, aligned: true, overridden: false });
    }
    domainOf[i] = d;
    alignedTs[i] = ev.ts === null || ev.unparsed ? NaN : ev.ts - (domains[d]?.offsetMs ?? 0);
  });

  // Identity: union of the ids an event carries together.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  const idsOf = (ev: AnalysisEvent): string[] =>
    [ev.ids.requestId, ev.ids.correlationId, ev.ids.traceId].filter((x): x is string => x !== null);
  for (const ev of events) {
    const ids = idsOf(ev);
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0] as string));
  }
  const groupIndex = new Map<string, number>();
  const groupOf = new Int32Array(events.length).fill(-1);
  const identifiers: string[][] = [];
  const members: number[][] = [];
  events.forEach((ev, i) => {
    const ids = idsOf(ev);
    if (ids.length === 0) return;
    const root = find(ids[0] as string);
    let g = groupIndex.get(root);
    if (g === undefined) {
      g = identifiers.length;
      groupIndex.set(root, g);
      identifiers.push([]);
      members.push([]);
    }
    for (const id of ids) if (!identifiers[g]?.includes(id)) identifiers[g]?.push(id);
    members[g]?.push(i);
    groupOf[i] = g;
  });
  const start = new Float64Array(identifiers.length).fill(NaN);
  members.forEach((list, g) => {
    list.sort((a, b) => (alignedTs[a] as number) - (alignedTs[b] as number) || a - b);
    for (const i of list) {
      const t = alignedTs[i] as number;
      if (!Number.isNaN(t) && (Number.isNaN(start[g] as number) || t < (start[g] as number))) start[g] = t;
    }
  });

  // Identity's number per request / correlation id value (read by alignment, faked here).
  const numbers = new Map<string, number>();
  const numberOf = (id: string | null): number => {
    if (id === null || id === '') return -1;
    let k = numbers.get(id);
    if (k === undefined) numbers.set(id, (k = numbers.size));
    return k;
  };
  const requestIdOf = Int32Array.from(events, (ev) => numberOf(ev.ids.requestId));
  const correlationIdOf = Int32Array.from(events, (ev) => numberOf(ev.ids.correlationId));

  return {
    input: { sources: spec.sources.map((s) => ({ name: s.name, format: s.format ?? 'jsonl' })), events: EventTable.of(events) },
    alignment: { domains, domainOf, alignedTs, reference: domains.length > 0 ? 0 : -1 },
    groups: { groupOf, identifiers, start, members, requestIdOf, correlationIdOf, idValues: numbers.size },
  };
}

/** Index (in input.events) of the n-th (0-based) event of the named source. */
export function eventOf(incident: Incident, source: string, n: number): number {
  const s = incident.input.sources.findIndex((x) => x.name === source);
  const i = incident.input.events.toArray().findIndex((e) => e.source === s && e.seq === n);
  if (i < 0) throw new Error(`no event ${n} in ${source}`);
  return i;
}
