/**
 * Incident.number: the small integer that Event rows carry instead of the incident's id
 * (prisma/schema.prisma). The 12-character id in every row and in the listing index
 * (incident, ts, position, seq) made the row 11 bytes and the index entry 11 bytes longer: a
 * million JSON lines' events table and index took 282 MB with it, 256 MB with the number.
 *
 * - A new incident takes the next number: one more than the highest. Creations in one process
 *   take turns; two instances racing for a number: the unique index lets one win, the other
 *   reads the new highest and tries again (as create-source.ts does for positions). Numbers of
 *   existing incidents came from migration 0009, in creation order.
 * - A number never changes and incidents are never deleted, so a number read once is kept in
 *   this process (incidentNumber) until its database handle closes: any instance reads the
 *   same one.
 */
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { ConflictError, NotFoundError } from '../errors';
import { newId } from '../ids';

const MAX_ATTEMPTS = 8;

type IncidentData = Omit<Prisma.IncidentUncheckedCreateInput, 'id' | 'number'>;

/** The creation before the next one in this process: each waits for the one before. */
let previous: Promise<unknown> = Promise.resolve();

/** Creates the incident (a new random id and the next number) and returns what `select` asks for. */
export function createIncidentRow<S extends Prisma.IncidentSelect>(prisma: PrismaClient, data: IncidentData, select: S): Promise<Prisma.IncidentGetPayload<{ select: S }>> {
  const created = previous.then(() => createWithNextNumber(prisma, data, select));
  previous = created.catch(() => {});
  return created;
}

async function createWithNextNumber<S extends Prisma.IncidentSelect>(prisma: PrismaClient, data: IncidentData, select: S): Promise<Prisma.IncidentGetPayload<{ select: S }>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { _max } = await prisma.incident.aggregate({ _max: { number: true } });
    try {
      const row = await prisma.incident.create({ data: { ...data, id: newId(), number: (_max.number ?? 0) + 1 }, select });
      return row as Prisma.IncidentGetPayload<{ select: S }>;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
  throw new ConflictError('too many incidents created at once; try again');
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
