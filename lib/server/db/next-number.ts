/**
 * A row under the next number of a sequence its table keeps itself under a unique index (a
 * source's position in its incident, an incident's number): one more than the highest, or
 * `first` when there is none. Two inserts racing for a number: the unique index lets one win,
 * and the other (Prisma's P2002) reads the new highest and tries again, at most MAX_ATTEMPTS
 * times before it gives up with a ConflictError saying `tooMany`.
 */
import { Prisma } from '@/lib/generated/prisma/client';
import { ConflictError } from '../errors';

const MAX_ATTEMPTS = 8;

export async function insertWithNextNumber<T>(
  highest: () => Promise<number | null>,
  insert: (next: number) => Promise<T>,
  first: number,
  tooMany: string,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const top = await highest();
    try {
      return await insert(top === null ? first : top + 1);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
  throw new ConflictError(tooMany);
}
