/** createDemoIncident: a new, empty incident marked as the demo, with its profile already saved. */
import { getDb } from '../db/client';
import { newId } from '../ids';

export async function createDemoIncident(name: string, profileText: string): Promise<string> {
  const { prisma } = await getDb();
  const row = await prisma.incident.create({ data: { id: newId(), name, demo: true, profile: profileText }, select: { id: true } });
  return row.id;
}
