/** createDemoIncident: a new, empty incident marked as the demo, with its profile already saved. */
import { getDb } from '../db/client';
import { createIncidentRow } from '../db/incident-number';

export async function createDemoIncident(name: string, profileText: string): Promise<string> {
  const { prisma } = await getDb();
  const row = await createIncidentRow(prisma, { name, demo: true, profile: profileText }, { id: true });
  return row.id;
}
