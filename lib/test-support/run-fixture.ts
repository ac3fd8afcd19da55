/**
 * Test support for the finding rules: an incident from a compact spec, its observations and the
 * finding context (see lib/domain/state/test-incident.ts).
 */
import type { AnalysisProfile } from '@/lib/schemas/profile';
import { extractObservations } from '@/lib/domain/state/extract-observations';
import { buildIncident, type IncidentSpec } from '@/lib/test-support/incident-fixture';
import { FindingContext } from '@/lib/domain/findings/context';

/** `profile`: already validated (tests parse theirs with profileSchema). */
export function contextWith(spec: IncidentSpec, parsed: AnalysisProfile | null): FindingContext {
  const incident = buildIncident(spec);
  const observations = extractObservations(incident.input, incident.alignment, parsed);
  return new FindingContext({ ...incident, observations, profile: parsed });
}

/** Index of the n-th (0-based) event of a source. */
export function eventIn(ctx: FindingContext, source: string, n: number): number {
  const s = ctx.input.sources.findIndex((x) => x.name === source);
  const i = ctx.input.events.toArray().findIndex((e) => e.source === s && e.seq === n);
  if (i < 0) throw new Error(`no event ${n} in ${source}`);
  return i;
}
