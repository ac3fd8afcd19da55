/**
 * conflict (spec 6.1): witnesses disagree about an entity's field.
 *
 * Rule. For entity E and field F, each witness (clock domain) holds the value of its latest
 * observation of E.F at or before t. A disagreement is a maximal interval during which the held
 * values of the witnesses that have observed E.F include two different values. It is a conflict
 * when it lasts at least `toleranceMs` (default 1000); one still open at the end of the evidence
 * lasts until that end. The finding is at the observation that began it.
 * - owner: only a non-owner differing from the owner disagrees. Each disagreement is one value a
 *   non-owner holds while the owner holds another. It begins when the non-owner observes a value
 *   that differs from the owner's (that observation is the event), or when the owner moves away
 *   from a value the non-owner shared (the owner's observation is the event); it ends when the
 *   non-owner holds the owner's value again or observes yet another value (which begins a new
 *   one). The owner moving on while the non-owner keeps the same wrong value does not end it.
 * - stages: a witness holding an earlier stage than another is only behind, and silence is not
 *   disagreement. They disagree once the behind witness observes its earlier stage again after
 *   the other took up the later stage; the disagreement is dated from the observation with which
 *   the other took up the later stage (the finding's event) and lasts until the two agree or the
 *   evidence ends. Values outside the stage list compare as unordered values.
 *
 * Implementation: one pass over each (E, F) group in time order, tracking per pair of witnesses
 * whether they disagree (O(observations x witnesses of E.F)). Without an owner, overlapping or
 * touching pair disagreements merge into the maximal interval; with an owner each is its own.
 *
 * Choices where the spec is silent:
 * - Observations at the same aligned time apply in input order (source order, then record
 *   order); a disagreement that begins and ends at the same instant is no disagreement (at that
 *   instant, after all its observations, the values agree). So at a tie, the observation
 *   applied last (the later source) is the one that made the values differ.
 * - Several owner witnesses (the owner service in a log and in traces) are one: the owner holds
 *   the value of the latest observation among them.
 * - With an owner, the owner's first observation differing from what a non-owner already holds
 *   begins a disagreement (the owner's observation is the event), like the owner moving away.
 * - A witness has to have observed E.F before to be held to it: the behind witness's first
 *   observation is not "again". A behind witness moving forward (pending -> paid while the other
 *   says fulfilled) is catching up, not observing its earlier stage again; one that moves
 *   backward past the other (it held the later stage, then says an earlier one) disagrees from
 *   that observation. A stage disagreement also ends when the behind witness passes the other.
 * - With an owner and stages, "yet another value" that is a step forward toward the owner's
 *   stage ends the disagreement without beginning a new one.
 * - Conflicts are not raised for a field whose only witness is one domain.
 */
import type { DivergenceFinding, Observation, StateValue } from '../analysis/results';
import { FindingContext, entityType, evidenceOf } from './context';
import { clock, duration, list, valueText } from './describe';

interface Held {
  value: StateValue;
  latest: Observation;
  /** The observation with which the witness took up its current value, and its position. */
  since: Observation;
  sinceOrder: number;
}

/** One pairwise disagreement. */
interface Span {
  begin: number;
  /** The observation that began it: the finding's event. */
  event: Observation;
  /** What the other side said: its held observation, or the behind witness's re-observation. */
  counter: Observation;
  support: Observation[];
  /** The witness that is behind (stage disagreements), else null. */
  behind: number | null;
  /** True for a stage disagreement: `counter` re-observed an earlier stage. */
  staged: boolean;
  end: number | null;
  endObs: Observation | null;
  /** Input order of `event` in the group: tie-break. */
  order: number;
}

interface FieldMode {
  owner: string | null;
  ranks: Map<StateValue, number> | null;
}

const OWNER = -1;

function fieldMode(ctx: FindingContext, entity: string, field: string, cache: Map<string, Map<string, FieldMode>>): FieldMode {
  const type = entityType(entity);
  let perField = cache.get(type);
  if (!perField) {
    perField = new Map();
    cache.set(type, perField);
  }
  let mode = perField.get(field);
  if (!mode) {
    const rules = ctx.rulesFor(type);
    const owner = rules.find((r) => r.owner !== undefined)?.owner ?? null;
    const stages = rules.find((r) => r.stages[field] !== undefined)?.stages[field];
    let ranks: Map<StateValue, number> | null = null;
    if (stages) {
      ranks = new Map();
      stages.forEach((stage, i) => {
        const v = normalize(stage);
        if (!ranks?.has(v)) ranks?.set(v, i);
      });
    }
    mode = { owner, ranks };
    perField.set(field, mode);
  }
  return mode;
}

function normalize(value: string | number | boolean): StateValue {
  if (typeof value !== 'string') return value;
  const s = value.trim();
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s) && Number.isFinite(Number(s))) return Number(s);
  return value;
}

/** Pairwise disagreements of one (entity, field) group. */
function pairSpans(group: Observation[], mode: FieldMode, ctx: FindingContext): Span[] {
  const ranks = mode.ranks;
  const rank = (v: StateValue): number => (ranks ? (ranks.get(v) ?? -1) : -1);
  const ownerDomains = new Map<number, boolean>();
  const keyOf = (domain: number): number => {
    if (mode.owner === null) return domain;
    let owned = ownerDomains.get(domain);
    if (owned === undefined) {
      owned = ctx.isOwner(domain, mode.owner);
      ownerDomains.set(domain, owned);
    }
    return owned ? OWNER : domain;
  };
  // Held values per witness key, as parallel arrays: iterating them allocates nothing.
  const heldIndex = new Map<number, number>();
  const heldKeys: number[] = [];
  const helds: Held[] = [];
  const open = new Map<number, Span>();
  const lastClose = new Map<number, number>();
  const spans: Span[] = [];
  // Witness keys are domain indexes or OWNER (-1): shift by one so the pair key is unique.
  const pairKey = (a: number, b: number): number => (a < b ? (a + 1) * 1_048_576 + (b + 1) : (b + 1) * 1_048_576 + (a + 1));

  const close = (key: number, span: Span, o: Observation): void => {
    span.end = o.at;
    span.endObs = o;
    open.delete(key);
    lastClose.set(key, o.at);
  };

  /** Does the pair begin to disagree with `o` (by x, previously `prev`) against y's `hy`? */
  const begins = (o: Observation, order: number, prevValue: StateValue, prevLatest: Observation | null, hy: Held, key: number): Span | null => {
    const rv = rank(o.value);
    const ry = rank(hy.value);
    if (rv >= 0 && ry >= 0) {
      // Ordered: the witness holding the earlier stage is only behind...
      if (rv > ry || prevLatest === null) return null;
      const rp = rank(prevValue);
      if (rp >= 0 && rv > rp) return null; // moving forward: catching up
      const regressed = rp >= ry;
      const since = hy.since;
      if (!regressed && since.at >= (lastClose.get(key) ?? -Infinity)) {
        // ...until it observes its earlier stage again: dated from the other's later stage.
        return { begin: since.at, event: since, counter: o, support: [prevLatest], behind: keyOf(o.domain), staged: true, end: null, endObs: null, order: hy.sinceOrder };
      }
    }
    return { begin: o.at, event: o, counter: hy.latest, support: [], behind: null, staged: false, end: null, endObs: null, order };
  };

  for (let order = 0; order < group.length; order++) {
    const o = group[order] as Observation;
    const x = keyOf(o.domain);
    const xi = heldIndex.get(x);
    // The witness's previous value and observation (prevLatest null: its first observation).
    let prevValue: StateValue = null;
    let prevLatest: Observation | null = null;
    if (xi === undefined) {
      heldIndex.set(x, helds.length);
      heldKeys.push(x);
      helds.push({ value: o.value, latest: o, since: o, sinceOrder: order });
    } else {
      const h = helds[xi] as Held;
      prevValue = h.value;
      prevLatest = h.latest;
      if (h.value !== o.value) {
        h.value = o.value;
        h.since = o;
        h.sinceOrder = order;
      }
      h.latest = o;
    }
    for (let yi = 0; yi < helds.length; yi++) {
      const y = heldKeys[yi] as number;
      if (y === x) continue;
      if (mode.owner !== null && x !== OWNER && y !== OWNER) continue;
      const hy = helds[yi] as Held;
      const key = pairKey(x, y);
      const span = open.get(key);
      if (o.value === hy.value) {
        if (span) close(key, span, o);
        continue;
      }
      if (span) {
        if (span.behind === x && rank(o.value) > rank(hy.value) && rank(hy.value) >= 0) {
          close(key, span, o); // the behind witness passed the other
          continue;
        }
        // Owner rule: a non-owner observing yet another value ends its disagreement and begins a new one.
        if (mode.owner !== null && x !== OWNER && prevLatest !== null && prevValue !== o.value) {
          close(key, span, o);
          const rv = rank(o.value);
          const rp = rank(prevValue);
          const ro = rank(hy.value);
          if (rv >= 0 && ro >= 0 && rp >= 0 && rv > rp && rv < ro) continue; // a step toward the owner's stage
          const fresh: Span = { begin: o.at, event: o, counter: hy.latest, support: [], behind: null, staged: false, end: null, endObs: null, order };
          open.set(key, fresh);
          spans.push(fresh);
        }
        continue;
      }
      const fresh = begins(o, order, prevValue, prevLatest, hy, key);
      if (fresh) {
        open.set(key, fresh);
        spans.push(fresh);
      }
    }
  }
  // A disagreement that began and ended at the same instant never held.
  return spans.filter((s) => s.end === null || s.end > s.begin);
}

/** A maximal disagreement: spans that overlap or touch, the first of them began it. */
interface Disagreement {
  first: Span;
  /** Spans that began with the same observation as `first`. */
  openers: Span[];
  end: number | null;
  endObs: Observation | null;
}

function merge(spans: Span[]): Disagreement[] {
  const sorted = [...spans].sort((a, b) => a.begin - b.begin || a.order - b.order);
  const out: Disagreement[] = [];
  let current: Disagreement | null = null;
  for (const span of sorted) {
    const reaches = (d: Disagreement): boolean => d.end === null || span.begin <= d.end;
    if (current && reaches(current)) {
      if (span.event === current.first.event) current.openers.push(span);
      if (current.end !== null && (span.end === null || span.end > current.end)) {
        current.end = span.end;
        current.endObs = span.endObs;
      }
      continue;
    }
    current = { first: span, openers: [span], end: span.end, endObs: span.endObs };
    out.push(current);
  }
  return out;
}

function summarize(ctx: FindingContext, mode: FieldMode, entity: string, field: string, d: Disagreement, lasted: number): string {
  const { first } = d;
  const name = (o: Observation): string => {
    const w = ctx.witness(o.domain);
    return mode.owner !== null && ctx.isOwner(o.domain, mode.owner) ? `the owner ${w}` : w;
  };
  let text: string;
  if (first.staged) {
    const behind = first.counter;
    text = `${name(first.event)} says ${field}=${valueText(first.event.value)} since ${clock(first.event.at)} while ${name(behind)} still says ${field}=${valueText(behind.value)} at ${clock(behind.at)}`;
  } else {
    const unique = [...new Set(d.openers.map((s) => `${name(s.counter)} says ${field}=${valueText(s.counter.value)}`))];
    text = `${name(first.event)} says ${field}=${valueText(first.event.value)} while ${list(unique)}`;
  }
  const tail = d.end === null ? `still so at the end of the evidence, ${duration(lasted)}` : `for ${duration(lasted)}`;
  return `${entity}: ${text} (since ${clock(first.begin)}, ${tail})`;
}

export function findConflicts(ctx: FindingContext): DivergenceFinding[] {
  const tolerance = ctx.toleranceMs;
  const evidenceEnd = ctx.end;
  const modes = new Map<string, Map<string, FieldMode>>();
  const findings: DivergenceFinding[] = [];
  for (const group of ctx.byEntityField) {
    const first = group[0] as Observation;
    // One witness cannot disagree with itself: skip the common case cheaply.
    let several = false;
    for (const o of group) {
      if (o.domain !== first.domain) {
        several = true;
        break;
      }
    }
    if (!several) continue;
    const mode = fieldMode(ctx, first.entity, first.field, modes);
    const spans = pairSpans(group, mode, ctx);
    if (spans.length === 0) continue;
    const disagreements: Disagreement[] =
      mode.owner === null ? merge(spans) : spans.map((s) => ({ first: s, openers: [s], end: s.end, endObs: s.endObs }));
    for (const d of disagreements) {
      const end = d.end ?? Math.max(evidenceEnd, d.first.begin);
      const lasted = end - d.first.begin;
      if (lasted < tolerance) continue;
      const event = d.first.event.event;
      const others: number[] = [];
      for (const s of d.openers) {
        others.push(s.counter.event);
        for (const o of s.support) others.push(o.event);
      }
      if (d.endObs) others.push(d.endObs.event);
      findings.push({
        kind: 'conflict',
        at: d.first.begin,
        event,
        entity: first.entity,
        field: first.field,
        request: ctx.groups.groupOf[event] ?? -1,
        evidence: evidenceOf(event, others, ctx),
        summary: summarize(ctx, mode, first.entity, first.field, d, lasted),
      });
    }
  }
  return findings;
}
