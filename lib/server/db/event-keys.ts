/**
 * EventKey: the request-identity lookup (prisma/schema.prisma). One row per (incident, id value,
 * event) for the requestId, correlationId and traceId of every event of a source.
 *
 * Why a table filled at the end instead of indexes on Event: request and trace ids are random,
 * so indexes on them made every insert batch rewrite pages all over those indexes (measured:
 * 66k events/s with them, 185k/s without). Here a source's keys are inserted once, after its
 * last event, in key order: one sorted merge into the B-tree.
 *
 * Invariant: keys exist only for events whose source finished parsing; discardEventKeys runs
 * before a source's events are deleted (there is no foreign key, see the schema).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Db } from './client';
import type { Dialect } from './dialect';
import { eventOwner } from './event-owner';
import type { EventOwner } from './event-row';

const KEY_COLUMNS = ['requestId', 'correlationId', 'traceId'] as const;

/**
 * (incidentNumber, key, eventId) of a source's events, in one pass over them: each event is
 * crossed with the three column numbers and the CASE picks that column (three `UNION ALL`ed selects, one per
 * column, read the source three times: 3.85 s against 3.1 s for the 2M keys of 1M events). An
 * event may carry one value in two columns, so a pair can come twice: the insert drops the
 * repeat (Dialect.insertEventKeysSql; a `UNION` here was one more sort of every key on SQLite:
 * 2.7 s against about 1.5 s).
 */
function sourceKeysSql(dialect: Dialect): string {
  const columns = KEY_COLUMNS.map((c, i) => `WHEN ${i} THEN e."${c}"`).join(' ');
  const numbers = KEY_COLUMNS.map((_, i) => `SELECT ${i} AS "c"`).join(' UNION ALL ');
  const pairs = `SELECT e."incidentNumber" AS "incidentNumber", CASE n."c" ${columns} END${dialect.keyCollation} AS "key", e."id" AS "eventId" FROM "Event" AS e CROSS JOIN (${numbers}) AS n WHERE e."incidentNumber" = ${dialect.placeholder(1)} AND e."position" = ${dialect.placeholder(2)}`;
  return `SELECT "incidentNumber", "key", "eventId" FROM (${pairs}) AS p WHERE "key" IS NOT NULL`;
}

/** Fills the source's keys, sorted, in one statement (run it before the source becomes ready). */
export async function buildEventKeys(db: Db, owner: EventOwner): Promise<void> {
  await db.prisma.$executeRawUnsafe(db.dialect.insertEventKeysSql(sourceKeysSql(db.dialect)), owner.incidentNumber, owner.position);
}

/**
 * Deletes the source's keys, each row found through the primary key (see
 * Dialect.deleteEventKeysSql); a statement for the caller's batch transaction. Measured: 0.85 s
 * for the 400,000 keys of 200,000 events.
 */
export function discardEventKeysStatement(prisma: Pick<PrismaClient, '$executeRawUnsafe'>, dialect: Dialect, owner: EventOwner) {
  return prisma.$executeRawUnsafe(dialect.deleteEventKeysSql(sourceKeysSql(dialect)), owner.incidentNumber, owner.position);
}

/**
 * Once, after the migration that introduced EventKey: a database with ready events and no keys
 * at all gets the keys of every ready source (a fresh database has neither and costs one probe).
 */
export async function backfillEventKeys(db: Db): Promise<number> {
  const { prisma } = db;
  if ((await prisma.eventKey.findFirst({ select: { eventId: true } })) !== null) return 0;
  const sources = await prisma.source.findMany({ where: { status: 'ready', eventCount: { gt: 0 } }, select: { id: true } });
  for (const { id } of sources) {
    const owner = await eventOwner(prisma, id);
    if (owner !== null) await buildEventKeys(db, owner);
  }
  return sources.length;
}
