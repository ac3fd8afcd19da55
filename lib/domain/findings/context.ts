/**
 * What every finding rule reads (spec section 6), computed once and shared: the incident's
 * events and alignment, request groups, state observations, the profile, and derived views
 * (witness names, the end of the evidence, observations grouped by entity and field).
 */
import type { AnalysisEvent, AnalysisInput } from '../analysis/input';
import type { Alignment, Observation, RequestGroups } from '../analysis/results';
import type { AnalysisProfile, EntityRule } from '../../schemas/profile';

export const DEFAULT_TOLERANCE_MS = 1000;

export interface FindingInputs {
  input: AnalysisInput;
  alignment: Alignment;
  groups: RequestGroups;
  /** From extractObservations: sorted by aligned time, ties in input order. */
  observations: Observation[];
  profile: AnalysisProfile | null;
}

/** The entity type of `type:id` (the whole text when it has no colon). */
export function entityType(entity: string): string {
  const colon = entity.indexOf(':');
  return colon < 0 ? entity : entity.slice(0, colon);
}

export class FindingContext implements FindingInputs {
  readonly input: AnalysisInput;
  readonly alignment: Alignment;
  readonly groups: RequestGroups;
  readonly observations: Observation[];
  readonly profile: AnalysisProfile | null;
  private names: string[] | null = null;
  private endMs: number | null = null;
  private byField: Observation[][] | null = null;

  constructor(inputs: FindingInputs) {
    this.input = inputs.input;
    this.alignment = inputs.alignment;
    this.groups = inputs.groups;
    this.observations = inputs.observations;
    this.profile = inputs.profile;
  }

  get toleranceMs(): number {
    return this.profile?.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  }

  /** Event `index` as an object, made now (for the few events a finding names). */
  event(index: number): AnalysisEvent {
    return this.input.events.at(index);
  }

  /** Aligned time of an event (its start for intervals), NaN without one. */
  alignedTs(index: number): number {
    return this.alignment.alignedTs[index] as number;
  }

  /** Aligned [start, end] of an event: its interval when it has one, else its instant. */
  alignedSpan(index: number): [number, number] {
    const t = this.alignedTs(index);
    const { ts, start, end } = this.input.events;
    const raw = ts[index]!;
    if (Number.isNaN(start[index]!) || Number.isNaN(raw)) return [t, t];
    return [t + (start[index]! - raw), t + (end[index]! - raw)];
  }

  /**
   * A witness (clock domain) as people name it: the source name, or `source/service` when the
   * source holds several services.
   */
  witness(domain: number): string {
    if (this.names === null) {
      const perSource = new Map<number, number>();
      for (const d of this.alignment.domains) perSource.set(d.source, (perSource.get(d.source) ?? 0) + 1);
      this.names = this.alignment.domains.map((d) => {
        const source = this.input.sources[d.source]?.name ?? `source ${d.source}`;
        return (perSource.get(d.source) ?? 0) > 1 ? `${source}/${d.service}` : source;
      });
    }
    return this.names[domain] ?? `domain ${domain}`;
  }

  /** The witness of an event. */
  witnessOf(event: number): string {
    return this.witness(this.alignment.domainOf[event] as number);
  }

  /** True when `owner` (a service, a source name or `source/service`) names the domain. */
  isOwner(domain: number, owner: string): boolean {
    const d = this.alignment.domains[domain];
    if (!d) return false;
    const source = this.input.sources[d.source]?.name;
    return d.service === owner || source === owner || `${source}/${d.service}` === owner;
  }

  /**
   * The end of the evidence (spec section 6): the latest aligned time of any event, counting the
   * end of intervals (observations of HAR entries and spans are dated at their end).
   * -Infinity for an incident without times.
   */
  get end(): number {
    if (this.endMs === null) {
      let end = -Infinity;
      const { alignedTs } = this.alignment;
      const { ts, start, end: intervalEnd } = this.input.events;
      for (let i = 0; i < ts.length; i++) {
        const t = alignedTs[i] as number;
        if (Number.isNaN(t)) continue;
        const e = Number.isNaN(start[i]!) || Number.isNaN(ts[i]!) ? t : t + (intervalEnd[i]! - ts[i]!);
        if (e > end) end = e;
      }
      this.endMs = end;
    }
    return this.endMs;
  }

  /** Observations grouped by (entity, field), each group in time order, groups in first-seen order. */
  get byEntityField(): Observation[][] {
    if (this.byField === null) {
      const index = new Map<string, Map<string, Observation[]>>();
      const groups: Observation[][] = [];
      for (const o of this.observations) {
        let fields = index.get(o.entity);
        if (!fields) {
          fields = new Map();
          index.set(o.entity, fields);
        }
        let group = fields.get(o.field);
        if (!group) {
          group = [];
          fields.set(o.field, group);
          groups.push(group);
        }
        group.push(o);
      }
      this.byField = groups;
    }
    return this.byField;
  }

  /** The profile's entity rules for a type (several rules may share one). */
  rulesFor(type: string): EntityRule[] {
    return this.profile?.entities.filter((r) => r.type === type) ?? [];
  }

  /** A request group's label: its first identifier. */
  requestLabel(group: number): string {
    return this.groups.identifiers[group]?.[0] ?? `request ${group}`;
  }
}

/** Evidence lists: distinct event indices other than `event`, in aligned order (ties: input order). */
export function evidenceOf(event: number, others: Iterable<number>, ctx: FindingContext): number[] {
  const seen = new Set<number>([event]);
  const out: number[] = [];
  for (const e of others) {
    if (seen.has(e) || e < 0) continue;
    seen.add(e);
    out.push(e);
  }
  const key = (e: number): number => {
    const t = ctx.alignedTs(e);
    return Number.isNaN(t) ? Infinity : t;
  };
  return out.sort((a, b) => key(a) - key(b) || a - b);
}
