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
import { readEnv } from '@/lib/schemas/env';
import { recoverInterruptedSources } from '../ingest/recover-interrupted';
import { type Dialect, dialectFor } from './dialect';
import { engineFromUrl } from './engine';
import { backfillEventKeys } from './event-keys';
import { migrate } from './migrate';

export interface Db {
  prisma: PrismaClient;
  dialect: Dialect;
  /** SQLite: the client's own better-sqlite3 connection, for the bulk insert (see dialect.ts). */
  sqliteConnection(): import('better-sqlite3').Database | null;
}

const cache = globalThis as typeof globalThis & { __witnessDb?: Promise<Db> };

async function open(): Promise<Db> {
  const { DATABASE_URL: url } = readEnv();
  const dialect = dialectFor(engineFromUrl(url));
  dialect.prepareStorage(url);
  await migrate(dialect, url);
  const adapter = dialect.createAdapter(url);
  const prisma = new PrismaClient({ adapter: adapter.factory });
  for (const statement of dialect.connectionSetup) await prisma.$queryRawUnsafe(statement);
  const recovered = await recoverInterruptedSources(prisma, dialect);
  if (recovered > 0) console.warn(`[witness] marked ${recovered} interrupted source(s) failed`);
  const db: Db = { prisma, dialect, sqliteConnection: adapter.sqliteConnection };
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
  if (!pending) return;
  const db = await pending.catch(() => null);
  await db?.prisma.$disconnect();
}
