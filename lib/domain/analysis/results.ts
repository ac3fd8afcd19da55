/**
 * The intermediate results the analysis stages hand to each other. Stages are pure functions:
 *
 *   identity (spec 3)  events -> RequestGroups
 *   align    (spec 4)  events, groups, overrides -> Alignment (offset per domain, aligned time per event)
 *   state    (spec 5)  events, alignment, profile -> Observation[]
 *   findings (spec 6)  observations, events, alignment, groups, profile -> Finding[] + Signal[]
 *
 * Everything refers to events by their index in AnalysisInput.events.
 */

/** Request identity: union of identifiers that appear together (spec section 3). */
export interface RequestGroups {
  /** Group index per event, -1 for events that carry no request identifier. */
  groupOf: Int32Array;
  /** Per group: its identifiers (request, correlation and trace ids), first-seen order. */
  identifiers: string[][];
  /** Per group: the earliest aligned time among its events (filled after alignment; NaN if none). */
  start: Float64Array;
  /** Per group: event indices in aligned order (filled after alignment). */
  members: number[][];
  /**
   * Per event, the number identity gave the value of its request id and of its correlation id
   * (-1: none, or a value identity found held nowhere else, which can match nothing: most such
   * values, not all); equal values have one number whichever field held them, and the numbers run
   * below `idValues`. Clock alignment matches its containers by them instead of hashing the
   * strings again (0.2 s of a stored analysis of 1M events, whose strings are all fresh).
   */
  requestIdOf: Int32Array;
  correlationIdOf: Int32Array;
  idValues: number;
}

export interface DomainAlignment {
  source: number;
  service: string;
  offsetMs: number;
  /** The region of offsets that satisfies the most constraints, or null when unaligned. */
  offsetRangeMs: [number, number] | null;
  /** Constraints that back the offset (those satisfied on the path from the reference). */
  constraints: number;
  aligned: boolean;
  /** True when the offset comes from a manual override (profile `offsets` or the UI). */
  overridden: boolean;
}

export interface Alignment {
  domains: DomainAlignment[];
  /** Domain index (into `domains`) per event. */
  domainOf: Int32Array;
  /** ts - offset per event; NaN where the event has no time. */
  alignedTs: Float64Array;
  /** Index of the reference domain, or -1 when there are no domains. */
  reference: number;
}

export type StateValue = string | number | boolean | null;

/** One witness's observation of one entity field (spec section 5). */
export interface Observation {
  event: number;
  /** `type:id`. */
  entity: string;
  field: string;
  value: StateValue;
  /** Domain index of the witness. */
  domain: number;
  /** Aligned time of the observation. */
  at: number;
  /** Scope fields recorded with the entity (profile `scope`). */
  scope: Record<string, StateValue>;
}

export type DivergenceKind = 'conflict' | 'stale_write' | 'invariant' | 'duplicate_effect';
export type SignalKind = 'http_5xx' | 'span_error' | 'retry' | 'reordered' | 'no_response';

/** A divergence (spec section 6), by event index; the report turns indices into EventRefs. */
export interface DivergenceFinding {
  kind: DivergenceKind;
  /** Aligned time, ms since the epoch. */
  at: number;
  /** The event that triggered it. */
  event: number;
  entity: string | null;
  field: string | null;
  /** The request group index it concerns, or -1. */
  request: number;
  /** The other events that make the evidence, in aligned order. */
  evidence: number[];
  /** One line a person can read at 2 a.m.: who said what, when, since when. */
  summary: string;
}

/** Something the UI shows that is not a divergence (spec section 6, "Other signals"). */
export interface SignalFinding {
  kind: SignalKind;
  at: number;
  event: number;
  request: number;
  evidence: number[];
  summary: string;
}
