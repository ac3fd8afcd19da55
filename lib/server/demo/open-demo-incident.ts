/**
 * The demo incident behind the first-run button (`POST /api/demo`): the five stories of the
 * brief (lib/domain/demo), each generated file ingested through the real upload pipeline in
 * generation order, with the generated profile saved on the incident.
 *
 * - An existing complete demo incident is answered instead of creating another, so the button
 *   never piles up copies; `fresh` makes a new one regardless.
 * - The stories are dated relative to the server's clock (they end about ten minutes ago), so
 *   the demo looks like an incident that just happened; the generator is deterministic for a
 *   given base time, and the expectations it computes move with it.
 * - Concurrent requests in one process share one creation.
 */
import { DEFAULT_DEMO_SEED, generateDemo } from '@/lib/domain/demo';
import type { IncidentDto } from '@/lib/schemas/incident';
import { ingestUpload } from '../ingest/ingest-upload';
import { createDemoIncident } from '../queries/create-demo-incident';
import { findDemoIncident } from '../queries/find-demo-incident';
import { getIncident } from '../queries/get-incident';
import { shareInFlight } from '../share-in-flight';

export const DEMO_INCIDENT_NAME = 'Demo: five incidents from the brief';

/** The stories span about 21 minutes from the base time: start 30 minutes before now. */
const DEMO_STARTS_BEFORE_NOW_MS = 30 * 60_000;

export function demoBaseTimeMs(nowMs: number): number {
  return Math.floor(nowMs / 60_000) * 60_000 - DEMO_STARTS_BEFORE_NOW_MS;
}

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

async function createDemo(nowMs: number): Promise<IncidentDto> {
  const demo = generateDemo({ seed: DEFAULT_DEMO_SEED, baseTimeMs: demoBaseTimeMs(nowMs) });
  const incidentId = await createDemoIncident(DEMO_INCIDENT_NAME, JSON.stringify(demo.profile, null, 2));
  for (const file of demo.files) {
    const result = await ingestUpload({ incidentId, name: file.name, body: bytesOf(file.text) });
    // The generator's files are known-good evidence: a failure here is a bug, reported as a 500.
    if (!result.ok) throw new Error(`demo file ${file.name} could not be ingested: ${result.error.message}`);
  }
  return getIncident(incidentId);
}

export interface DemoIncident {
  incident: IncidentDto;
  created: boolean;
}

export async function openDemoIncident(options: { fresh: boolean; nowMs: number }): Promise<DemoIncident> {
  if (!options.fresh) {
    const existing = await findDemoIncident();
    if (existing) return { incident: existing, created: false };
  }
  const { value, joined } = await shareInFlight('demo-incident', () => createDemo(options.nowMs));
  return { incident: value, created: !joined };
}
