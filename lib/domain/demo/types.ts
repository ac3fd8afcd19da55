/**
 * What the demo generator produces: the evidence files of the demo incident, the analysis
 * profile that reads them, and what the analysis must find in them (expectations).
 *
 * Expectations are known from where the generator wrote each record (a line, a HAR entry index,
 * a span id), never computed by running the analysis.
 */
import type { AnalysisProfile } from '../../schemas/profile';

/** 1-5: the stories of the developers' brief; 0: incident-wide evidence (the edge gateway). */
export type StoryId = 0 | 1 | 2 | 3 | 4 | 5;

export type DemoLocator = { line: number } | { index: number } | { spanId: string };

export interface DemoFile {
  name: string;
  story: StoryId;
  /** The parser format the file must be detected as. */
  format: 'jsonl' | 'json' | 'logfmt' | 'text' | 'har' | 'otlp';
  text: string;
}

export type ExpectedKind = 'conflict' | 'stale_write' | 'invariant' | 'duplicate_effect';

export interface ExpectedEventRef {
  source: string;
  locator: DemoLocator;
}

export interface ExpectedFinding {
  kind: ExpectedKind;
  /** `type:id`, or null for a finding that concerns a request rather than an entity. */
  entity: string | null;
  field: string | null;
  /**
   * Identifiers (request, correlation or trace ids) of the triggering event's request group;
   * empty when its record carries none. The report's `request`, when not null, names this
   * group by one of them.
   */
  requestIds: string[];
  /** The event that triggers the finding. */
  event: ExpectedEventRef;
  /**
   * When the triggering record happened, in true (reference) time, ISO 8601. The analysis
   * reports aligned time, which differs by the alignment's error (a few ms), and for interval
   * records by whether it dates the observation at the start or the end of the interval:
   * `atEnd` is the interval's end where the record is one.
   */
  at: string;
  atEnd: string | null;
  /** What the triggering record says (the values a test can check at the locator). */
  says: Record<string, string | number | boolean>;
  why: string;
}

/** A clock domain (spec section 4) and the skew the generator applied to it. */
export interface ExpectedDomain {
  source: string;
  service: string;
  story: StoryId;
  /** host clock = true time + skewMs. The reference domains (browsers, the gateway) have 0. */
  skewMs: number;
  /** False for a domain that shares no request with any other (its offset stays 0). */
  alignable: boolean;
}

export interface StoryExpectation {
  story: Exclude<StoryId, 0>;
  title: string;
  /** The story's files (the incident-wide gateway log is not among them). */
  files: string[];
  /** The first divergence among the story's findings (alone, or within the whole incident). */
  firstDivergence: ExpectedFinding;
  /** Other findings the story must produce, each the first divergence of its entity or request. */
  alsoExpected: ExpectedFinding[];
  /** Entities whose state moves in the story with lags below the tolerance: no finding. */
  quietEntities: string[];
}

export interface DemoExpectations {
  seed: number;
  baseTime: string;
  toleranceMs: number;
  stories: StoryExpectation[];
  /** Every clock domain of the incident with its skew. */
  domains: ExpectedDomain[];
  /** The first divergence of the whole incident: the earliest story's. */
  firstDivergence: ExpectedFinding;
}

export interface DemoIncident {
  files: DemoFile[];
  profile: AnalysisProfile;
  expectations: DemoExpectations;
}
