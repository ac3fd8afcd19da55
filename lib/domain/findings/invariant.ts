/**
 * invariant (spec 6.3): a profile invariant stops holding.
 *
 * Rules.
 * - unique: the number of entities of the type whose latest observed F (from any source, last
 *   in aligned time wins) equals the value, within one `per` group, exceeds one.
 * - range: the latest observed F of an entity leaves [min, max].
 * The finding is at the observation that made it false.
 *
 * Choices where the spec is silent:
 * - A finding is raised when the invariant goes from true to false, not on every observation
 *   while it stays false (a third default role in the same org is not a new finding). Once it
 *   holds again (the group is back to at most one; the value is back in range) it re-arms: the
 *   next violation is a new finding.
 * - `per` group of an entity: the `per` field recorded with its observation (extraction keeps
 *   `per` fields as scope even when the rule does not list them), else the latest one recorded
 *   earlier for the entity, else the first one recorded for it at any time (an entity's org
 *   does not change). Entities without one are not counted: nothing says they share a group.
 * - range applies to numbers only; a non-numeric value (null, text) leaves the entity's state as
 *   it was.
 * - `equals` compares after the same normalization as state values ("true" is true).
 */
import type { DivergenceFinding, Observation, StateValue } from '../analysis/results';
import type { Invariant } from '../../schemas/profile';
import { normalizeStateValue } from '../state/values';
import { FindingContext, evidenceOf } from './context';
import { clock, list, valueText } from './describe';

type UniqueInvariant = Extract<Invariant, { kind: 'unique' }>;
type RangeInvariant = Extract<Invariant, { kind: 'range' }>;

/** Observations of one type's field, in time order (the order of ctx.observations). */
function observationsOf(ctx: FindingContext, type: string, field: string): Observation[] {
  const prefix = `${type}:`;
  const out: Observation[] = [];
  for (const o of ctx.observations) if (o.field === field && o.entity.startsWith(prefix)) out.push(o);
  return out;
}

function scopeKey(value: StateValue): string {
  return `${typeof value}:${String(value)}`;
}

function findUnique(ctx: FindingContext, inv: UniqueInvariant): DivergenceFinding[] {
  const equals = normalizeStateValue(inv.equals);
  const obs = observationsOf(ctx, inv.entity, inv.field);
  const per = inv.per;
  const firstScope = new Map<string, StateValue>();
  if (per !== undefined) {
    for (const o of obs) if (per in o.scope && !firstScope.has(o.entity)) firstScope.set(o.entity, o.scope[per] as StateValue);
  }
  const scopeOf = new Map<string, StateValue>();
  /** Entity -> its group key while it counts (its latest value equals). */
  const countedIn = new Map<string, string>();
  /** Group key -> entity -> its latest observation. */
  const members = new Map<string, Map<string, Observation>>();
  const violated = new Set<string>();
  const findings: DivergenceFinding[] = [];
  for (const o of obs) {
    let groupKey: string | null = '';
    let groupValue: StateValue | undefined;
    if (per !== undefined) {
      if (per in o.scope) scopeOf.set(o.entity, o.scope[per] as StateValue);
      groupValue = scopeOf.has(o.entity) ? scopeOf.get(o.entity) : firstScope.get(o.entity);
      groupKey = groupValue === undefined ? null : scopeKey(groupValue);
    }
    const was = countedIn.get(o.entity);
    const now = o.value === equals && groupKey !== null ? groupKey : undefined;
    if (was !== undefined && was !== now) {
      const m = members.get(was);
      m?.delete(o.entity);
      if ((m?.size ?? 0) <= 1) violated.delete(was);
      countedIn.delete(o.entity);
    }
    if (now === undefined) continue;
    let m = members.get(now);
    if (!m) {
      m = new Map();
      members.set(now, m);
    }
    const counted = m.has(o.entity);
    m.set(o.entity, o);
    countedIn.set(o.entity, now);
    if (counted || m.size <= 1 || violated.has(now)) continue;
    violated.add(now);
    const others = [...m.values()].filter((x) => x.entity !== o.entity);
    const where = per !== undefined ? ` with ${per}=${valueText(groupValue)}` : '';
    const type = inv.entity;
    findings.push({
      kind: 'invariant',
      at: o.at,
      event: o.event,
      entity: o.entity,
      field: inv.field,
      request: ctx.groups.groupOf[o.event] ?? -1,
      evidence: evidenceOf(o.event, others.map((x) => x.event), ctx),
      summary:
        `${inv.name}: ${ctx.witness(o.domain)} says ${o.entity} ${inv.field}=${valueText(o.value)} at ${clock(o.at)}, ` +
        `making ${m.size} ${type} entities${where} with ${inv.field}=${valueText(equals)} ` +
        `(also ${list(others.map((x) => `${x.entity} per ${ctx.witness(x.domain)} at ${clock(x.at)}`))})`,
    });
  }
  return findings;
}

function findRange(ctx: FindingContext, inv: RangeInvariant): DivergenceFinding[] {
  const obs = observationsOf(ctx, inv.entity, inv.field);
  const latest = new Map<string, Observation>();
  const outside = new Set<string>();
  const findings: DivergenceFinding[] = [];
  for (const o of obs) {
    if (typeof o.value !== 'number') continue;
    const previous = latest.get(o.entity);
    latest.set(o.entity, o);
    const below = inv.min !== undefined && o.value < inv.min;
    const above = inv.max !== undefined && o.value > inv.max;
    if (!below && !above) {
      outside.delete(o.entity);
      continue;
    }
    if (outside.has(o.entity)) continue;
    outside.add(o.entity);
    const bound = below ? `below the minimum ${inv.min}` : `above the maximum ${inv.max}`;
    const before = previous ? ` (it was ${valueText(previous.value)} per ${ctx.witness(previous.domain)} at ${clock(previous.at)})` : '';
    findings.push({
      kind: 'invariant',
      at: o.at,
      event: o.event,
      entity: o.entity,
      field: inv.field,
      request: ctx.groups.groupOf[o.event] ?? -1,
      evidence: previous ? evidenceOf(o.event, [previous.event], ctx) : [],
      summary: `${inv.name}: ${ctx.witness(o.domain)} says ${o.entity} ${inv.field}=${valueText(o.value)} at ${clock(o.at)}, ${bound}${before}`,
    });
  }
  return findings;
}

export function findInvariantViolations(ctx: FindingContext): DivergenceFinding[] {
  const findings: DivergenceFinding[] = [];
  for (const inv of ctx.profile?.invariants ?? []) {
    findings.push(...(inv.kind === 'unique' ? findUnique(ctx, inv) : findRange(ctx, inv)));
  }
  return findings;
}
