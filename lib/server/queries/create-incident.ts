/** createIncident: a new, empty incident with a random url-safe id. */
import type { CreateIncidentBody, IncidentDto } from '@/lib/schemas/incident';
import { getDb } from '../db/client';
import { createIncidentRow } from '../db/incident-number';
import { INCIDENT_SELECT, toIncidentDto } from './to-incident-dto';

export async function createIncident(input: CreateIncidentBody): Promise<IncidentDto> {
  const { prisma } = await getDb();
  const row = await createIncidentRow(prisma, { name: input.name }, INCIDENT_SELECT);
  return toIncidentDto(row, 0);
}
