/**
 * What every story generator gets and gives back.
 */
import type { Evidence, LineLog } from './evidence-files';
import type { Rng } from '../prng';
import type { DemoLocator, ExpectedFinding, ExpectedKind, StoryExpectation } from './types';
import { iso } from './evidence-files';

export interface StoryContext {
  rng: Rng;
  /** True time at which the story's incident moment is anchored (ms since the epoch). */
  t0: number;
  /** The incident-wide edge gateway log (story 0), which every browser request crosses. */
  gateway: LineLog;
  /** Where the story puts its files and clock domains. */
  evidence: Evidence;
}

export interface FindingSpec {
  kind: ExpectedKind;
  entity: string | null;
  field: string | null;
  requestIds?: string[];
  source: string;
  locator: DemoLocator;
  /** True time of the triggering record; `atEnd` for interval records. */
  at: number;
  atEnd?: number;
  says: Record<string, string | number | boolean>;
  why: string;
}

export function finding(spec: FindingSpec): ExpectedFinding {
  return {
    kind: spec.kind,
    entity: spec.entity,
    field: spec.field,
    requestIds: spec.requestIds ?? [],
    event: { source: spec.source, locator: spec.locator },
    at: iso(spec.at),
    atEnd: spec.atEnd !== undefined ? iso(spec.atEnd) : null,
    says: spec.says,
    why: spec.why,
  };
}

export type StoryGenerator = (ctx: StoryContext) => StoryExpectation;
