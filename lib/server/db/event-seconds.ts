/**
 * EventSecond, the per-second rollup of a source's events (prisma/schema.prisma): added to as
 * each transaction of events is written, so it always counts exactly the events committed so
 * far, and read by the evidence overview. Removed with the source's other data (discard).
 */
import type { SecondCount } from '@/lib/domain/timeline/second-bins';
import type { Db } from './client';

/** 1,000 rows x 4 parameters: well under either engine's limit. */
const ROWS_PER_STATEMENT = 1000;

/** Adds SecondCounts' flat counts ([second, count, errors, ...]) to the source's rows. */
export async function addEventSeconds(db: Db, sourceId: string, flat: readonly number[]): Promise<void> {
  const { prisma, dialect } = db;
  for (let from = 0; from < flat.length; from += ROWS_PER_STATEMENT * 3) {
    const rows = Math.min(ROWS_PER_STATEMENT, (flat.length - from) / 3);
    const tuples: string[] = [];
    const params: (string | number)[] = [];
    for (let r = 0; r < rows; r++) {
      const n = params.length;
      tuples.push(`(${[1, 2, 3, 4].map((k) => dialect.placeholder(n + k)).join(', ')})`);
      params.push(sourceId, flat[from + r * 3]!, flat[from + r * 3 + 1]!, flat[from + r * 3 + 2]!);
    }
    // Both engines spell the upsert alike (SQLite since 3.24).
    await prisma.$executeRawUnsafe(
      `INSERT INTO "EventSecond" ("sourceId", "second", "count", "errors") VALUES ${tuples.join(', ')} ` +
        `ON CONFLICT ("sourceId", "second") DO UPDATE SET "count" = "EventSecond"."count" + excluded."count", "errors" = "EventSecond"."errors" + excluded."errors"`,
      ...params,
    );
  }
}

/** The sources' events per second, summed over the sources, in time order. */
export async function readEventSeconds(db: Db, sourceIds: readonly string[]): Promise<SecondCount[]> {
  if (sourceIds.length === 0) return [];
  const rows = await db.prisma.eventSecond.groupBy({
    by: ['second'],
    where: { sourceId: { in: [...sourceIds] } },
    _sum: { count: true, errors: true },
    orderBy: { second: 'asc' },
  });
  return rows.map((row) => ({ second: row.second, count: row._sum.count ?? 0, errors: row._sum.errors ?? 0 }));
}
