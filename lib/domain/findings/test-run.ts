/**
 * Test support for the finding rules: an incident from a compact spec, its observations and the
 * finding context (see lib/domain/state/test-incident.ts).
 */
import { profileSchema } from '../../schemas/profile';
import { extractObservations } from '../state/extract-observations';
import { buildIncident, type IncidentSpec } from '../state/test-incident';
import { FindingContext } from './context';

export function contextFor(spec: IncidentSpec, profile: unknown = null): FindingContext {
  const incident = buildIncident(spec);
  const parsed = profile === null ? null : profileSchema.parse(profile);
  const observations = extractObservations(incident.input, incident.alignment, parsed);
  return new FindingContext({ ...incident, observations, profile: parsed });
}

/** Index of the n-th (0-based) event of a source. */
export function eventIn(ctx: FindingContext, source: string, n: number): number {
  const s = ctx.input.sources.findIndex((x) => x.name === source);
  const i = ctx.input.events.findIndex((e) => e.source === s && e.seq === n);
  if (i < 0) throw new Error(`no event ${n} in ${source}`);
  return i;
}
