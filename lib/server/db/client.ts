/**
 * The process's one database handle.
 *
 * `getDb()` opens it on first use and memoizes the promise: migrate from the committed SQL, open
 * the Prisma client through the dialect's driver adapter, then recover sources a dead process
 * left half-ingested. Every query awaits it, so no query runs against an unmigrated database.
 * The handle lives on globalThis because Next's dev server re-evaluates modules on every edit
 * and would otherwise open a new connection each time.
 */
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-postgres/client';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { readEnv } from '@/lib/schemas/env';
import { recoverInterruptedSources, SWEEP_MS } from '../ingest/recover-interrupted';
import { type Dialect, dialectFor } from './dialect';
import { engineFromUrl } from './engine';
import { backfillEventKeys } from './event-keys';
import { forgetIncidentNumbers } from './incident-number';
import { migrate } from './migrate';

export interface Db {
  /**
   * Typed as the SQLite client; on PostgreSQL it is the client generated for PostgreSQL
   * (scripts/db-generate.mjs: Prisma 7 refuses an adapter whose provider differs from the
   * client's). Both come from the one schema.prisma, so their model API is the same; the few
   * provider-specific options (`mode: 'insensitive'`) go through the dialect.
   */
  prisma: PrismaClient;
  dialect: Dialect;
  /** SQLite: the client's own better-sqlite3 connection, for the bulk insert (see dialect.ts). */
  sqliteConnection(): import('better-sqlite3').Database | null;
  /** PostgreSQL: the client's own pg pool, for the bulk insert (see bulk-insert.ts). */
  postgresPool(): import('pg').Pool | null;
}

/** The generated client for the dialect's engine, with the adapter (see Db.prisma for the cast). */
export function createPrismaClient(dialect: Dialect, adapter: SqlDriverAdapterFactory): PrismaClient {
  if (dialect.engine === 'postgresql') return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  return new PrismaClient({ adapter });
}

const cache = globalThis as typeof globalThis & { __witnessDb?: Promise<Db>; __witnessSweep?: ReturnType<typeof setInterval> };

async function open(): Promise<Db> {
  const { DATABASE_URL: url } = readEnv();
  const dialect = dialectFor(engineFromUrl(url));
  dialect.prepareStorage(url);
  await migrate(dialect, url);
  const adapter = dialect.createAdapter(url);
  const prisma = createPrismaClient(dialect, adapter.factory);
  for (const statement of dialect.connectionSetup) await prisma.$queryRawUnsafe(statement);
  const recover = async () => {
    const recovered = await recoverInterruptedSources(prisma, dialect);
    if (recovered > 0) console.warn(`[witness] marked ${recovered} interrupted source(s) failed`);
  };
  await recover();
  // Keep sweeping: an instance that dies leaves its sources to whichever instance still runs.
  const sweep = setInterval(() => void recover().catch((error: unknown) => console.error('[witness] interrupted-source sweep failed', error)), SWEEP_MS);
  sweep.unref();
  cache.__witnessSweep = sweep;
  const db: Db = { prisma, dialect, sqliteConnection: adapter.sqliteConnection, postgresPool: adapter.postgresPool };
  const keyed = await backfillEventKeys(db);
  if (keyed > 0) console.warn(`[witness] built request keys for ${keyed} source(s) ingested before EventKey existed`);
  return db;
}

export function getDb(): Promise<Db> {
  cache.__witnessDb ??= open().catch((error: unknown) => {
    // Let the next request try again (and report again) instead of caching the failure forever.
    cache.__witnessDb = undefined;
    throw error;
  });
  return cache.__witnessDb;
}

/** Closes the handle; the next getDb() opens (and recovers) again. For tests and shutdown. */
export async function closeDb(): Promise<void> {
  const pending = cache.__witnessDb;
  cache.__witnessDb = undefined;
  forgetIncidentNumbers();
  clearInterval(cache.__witnessSweep);
  cache.__witnessSweep = undefined;
  if (!pending) return;
  const db = await pending.catch(() => null);
  await db?.prisma.$disconnect();
}
