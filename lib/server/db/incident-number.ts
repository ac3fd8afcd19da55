/**
 * Incident.number: the small integer that Event rows carry instead of the incident's id
 * (prisma/schema.prisma). The 12-character id in every row and in the listing index
 * (incident, ts, position, seq) made the row 11 bytes and the index entry 11 bytes longer: a
 * million JSON lines' events table and index took 282 MB with it, 256 MB with the number.
 *
 * - A new incident takes the next number: one more than the highest (next-number.ts, as a
 *   source's position). Creations in one process take turns, so only instances race: the
 *   unique index lets one win, the other tries again. Numbers of existing incidents came from
 *   migration 0009, in creation order.
 * - A number never changes and incidents are never deleted, so a number read once is kept in
 *   this process (incidentNumber) until its database handle closes: any instance reads the
 *   same one.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { NotFoundError } from '../errors';
import { newId } from '../ids';
import { insertWithNextNumber } from './next-number';

type IncidentData = Omit<Prisma.IncidentUncheckedCreateInput, 'id' | 'number'>;

/** The creation before the next one in this process: each waits for the one before. */
let previous: Promise<unknown> = Promise.resolve();

/** Creates the incident (a new random id and the next number) and returns what `select` asks for. */
export function createIncidentRow<S extends Prisma.IncidentSelect>(prisma: PrismaClient, data: IncidentData, select: S): Promise<Prisma.IncidentGetPayload<{ select: S }>> {
  const created = previous.then(() => createWithNextNumber(prisma, data, select));
  previous = created.catch(() => {});
  return created;
}

function createWithNextNumber<S extends Prisma.IncidentSelect>(prisma: PrismaClient, data: IncidentData, select: S): Promise<Prisma.IncidentGetPayload<{ select: S }>> {
  return insertWithNextNumber(
    async () => (await prisma.incident.aggregate({ _max: { number: true } }))._max.number,
    async (number) => (await prisma.incident.create({ data: { ...data, id: newId(), number }, select })) as Prisma.IncidentGetPayload<{ select: S }>,
    1,
    'too many incidents created at once; try again',
  );
}

const known = new Map<string, number>();

/** Forgets the numbers read (the database handle closed: the next one may be another database). */
export function forgetIncidentNumbers(): void {
  known.clear();
}

/** The incident's number, or null when there is no such incident. */
export async function incidentNumber(prisma: Pick<PrismaClient, 'incident'>, incidentId: string): Promise<number | null> {
  const kept = known.get(incidentId);
  if (kept !== undefined) return kept;
  const row = await prisma.incident.findUnique({ where: { id: incidentId }, select: { number: true } });
  if (row === null) return null;
  known.set(incidentId, row.number);
  return row.number;
}

/** The incident's number; NotFoundError when there is no such incident. */
export async function requireIncidentNumber(prisma: Pick<PrismaClient, 'incident'>, incidentId: string): Promise<number> {
  const number = await incidentNumber(prisma, incidentId);
  if (number === null) throw new NotFoundError('incident', incidentId);
  return number;
}
