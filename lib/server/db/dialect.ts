/**
 * Everything that differs between SQLite and PostgreSQL, side by side, behind one interface.
 * The engine is picked from DATABASE_URL in one place (./engine.ts); nothing else branches on it.
 *
 * SQLite runs through better-sqlite3, PostgreSQL through `pg` (@prisma/adapter-pg's pool for the
 * app, one pg.Client for the migrator).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type DbEngine, sqliteFilePath } from './engine';

/** One connection used only by the migrator, before the app's client exists. */
export interface MigrationSession {
  /** Runs `fn` in a transaction that holds the database's write lock from its start. */
  transaction<T>(fn: (tx: MigrationTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface MigrationTx {
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /** After a migration file: throws when a row refers to a row that does not exist (where the engine did not check as it went). */
  checkReferences(): Promise<void>;
}

/**
 * The driver adapter for PrismaClient, plus (SQLite only) the better-sqlite3 connection it opened:
 * the bulk event insert runs its prepared statements on that very connection, inside a Prisma
 * transaction, so it shares Prisma's transaction lock instead of competing with a second writer.
 */
export interface OpenedAdapter {
  factory: SqlDriverAdapterFactory;
  sqliteConnection(): Database.Database | null;
  /** PostgreSQL: the pool the adapter runs on, for the bulk insert (ended by $disconnect). */
  postgresPool(): pg.Pool | null;
}

export interface Dialect {
  engine: DbEngine;
  /** Creates what the database needs before the first connection (SQLite: its directory). */
  prepareStorage(url: string): void;
  createAdapter(url: string): OpenedAdapter;
  /** Statements run once on the app's connection after it opens. */
  connectionSetup: readonly string[];
  openMigrationSession(url: string): Promise<MigrationSession>;
  /** The n-th (1-based) bind parameter of a raw statement. */
  placeholder(n: number): string;
  /** A Prisma string filter: case-insensitive substring. */
  containsInsensitive(value: string): { contains: string; mode?: 'insensitive' };
  /**
   * DELETE of the EventKey rows equal to the ("incidentNumber", "key", "eventId") rows `pairsSql` selects, through
   * EventKey's primary key (a plain row-value IN scanned the table, or crossed the two lists).
   */
  deleteEventKeysSql(pairsSql: string): string;
  /**
   * Appended to a key expression so that it sorts as EventKey.key does. PostgreSQL: `"C"`, byte
   * order (migration 0007); a key taken from Event's columns has the database's default
   * collation, and the key build must sort in the index's order, by byte comparisons.
   */
  keyCollation: string;
  /**
   * INSERT into EventKey of the ("incidentNumber", "key", "eventId") rows `pairsSql` selects, in
   * the primary key's order. A row can come twice (one value in two id columns of an event); no
   * other row can collide, since a source's keys are built once, for event ids of its own parse.
   */
  insertEventKeysSql(pairsSql: string): string;
  /**
   * Run after a source's events and keys are written. PostgreSQL plans by table statistics, and
   * until autovacuum gets to a freshly bulk-loaded table it thinks it tiny: each page of the
   * analysis load then sorted every remaining row of the source (1M events: 20.7 s to load,
   * 3.8 s after ANALYZE, which itself samples 30,000 rows). SQLite plans without statistics,
   * and the queries are written for that (none here).
   */
  afterBulkLoadSql: readonly string[];
}

/** How long a writer waits for another writer's lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/**
 * The page size of a new SQLite database (an existing one keeps its own). A HAR entry's or a
 * span's row is 1-4 KB: with the default 4 KiB pages most held one row and left the rest empty
 * (a 100 MB HAR made a 313 MB database, 124 MB of it unused; 212 MB with 16 KiB pages, and its
 * ingest 5.1-6.1 s against 6.3-6.5 s). JSON lines: 3% smaller, ingest, request lookups and the
 * analysis load unchanged within the noise.
 */
export const SQLITE_PAGE_SIZE = 16_384;

const sqlite: Dialect = {
  engine: 'sqlite',
  prepareStorage(url) {
    const file = sqliteFilePath(url);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  },
  createAdapter(url) {
    const inner = new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
    let connection: Database.Database | null = null;
    const factory: SqlDriverAdapterFactory = {
      provider: inner.provider,
      adapterName: inner.adapterName,
      async connect() {
        const adapter = await inner.connect();
        // The adapter keeps its better-sqlite3 handle in `client` (adapter 7.10). If a future
        // version hides it, this stays null and bulk inserts fall back to $executeRawUnsafe.
        const client: unknown = (adapter as unknown as { client?: unknown }).client;
        connection = client instanceof Database ? client : null;
        return adapter;
      },
    };
    return { factory, sqliteConnection: () => connection, postgresPool: () => null };
  },
  // WAL: readers never block the ingest writer. synchronous=NORMAL is durable across process
  // crashes in WAL mode (only an OS crash can lose the last commits) and much faster than FULL.
  connectionSetup: ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, 'PRAGMA foreign_keys = ON'],
  async openMigrationSession(url) {
    const db = new Database(sqliteFilePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
    // Before anything is written (WAL mode writes the header); a no-op on an existing database.
    db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    // Migrations run without foreign key enforcement, as the table redefinitions Prisma writes
    // for SQLite expect: their `PRAGMA foreign_keys=OFF` is a no-op inside the transaction each
    // file runs in, and with enforcement on (better-sqlite3's default), dropping a table others
    // refer to deletes their rows through ON DELETE CASCADE. Instead, every file must leave
    // the references whole: checkReferences runs before its COMMIT.
    db.pragma('foreign_keys = OFF');
    const tx: MigrationTx = {
      exec: async (sql) => void db.exec(sql),
      checkReferences: async () => {
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > 0) throw new Error(`the migration left ${broken.length} row(s) of ${broken[0]!.table} referring to no row of ${broken[0]!.parent}`);
      },
      query: async <R>(sql: string, params: unknown[] = []) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as R[];
        statement.run(...params);
        return [];
      },
    };
    return {
      async transaction(fn) {
        // IMMEDIATE takes the write lock now: two processes starting at once apply each migration once.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      },
      async close() {
        db.close();
      },
    };
  },
  placeholder: () => '?',
  // SQLite's LIKE is already case-insensitive for ASCII, and Prisma rejects `mode` on SQLite.
  containsInsensitive: (value) => ({ contains: value }),
  // No DELETE ... USING in SQLite; EventKey has no rowid (migrations 0006, 0010): each row found
  // by its primary key as a row value.
  deleteEventKeysSql: (pairs) => `DELETE FROM "EventKey" WHERE ("incidentNumber", "key", "eventId") IN (SELECT "incidentNumber", "key", "eventId" FROM (${pairs}) AS s)`,
  // SQLite compares text byte by byte (BINARY) already.
  keyCollation: '',
  // Repeats skipped as they come: DISTINCT took 2.6-2.8 s against 2.1-2.6 s for 2M keys.
  // `WHERE true`: SQLite needs a WHERE before ON CONFLICT in INSERT ... SELECT (a parsing ambiguity).
  insertEventKeysSql: (pairs) =>
    `INSERT INTO "EventKey" ("incidentNumber", "key", "eventId") SELECT "incidentNumber", "key", "eventId" FROM (${pairs}) AS k WHERE true ORDER BY "incidentNumber", "key", "eventId" ON CONFLICT DO NOTHING`,
  afterBulkLoadSql: [],
};

/** Connections per app instance. Several instances share one server: keep it modest. */
const POSTGRES_POOL_SIZE = 10;
/**
 * The key of the advisory lock that serializes migrations across instances (any constant works;
 * this one is "Witn" in ASCII). Transaction-scoped: released by COMMIT/ROLLBACK, and by the
 * server if the process dies mid-migration.
 */
const MIGRATION_LOCK_KEY = 0x5769746e;

const postgresql: Dialect = {
  engine: 'postgresql',
  prepareStorage() {},
  createAdapter(url) {
    // Our own pool, handed to the adapter, so the bulk insert can bind its rows with pg directly
    // (bulk-insert.ts); disposeExternalPool lets prisma.$disconnect() still end it.
    const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE });
    // An idle connection dropped by the server must not crash the process (pg emits 'error').
    pool.on('error', (error) => console.warn('[witness] PostgreSQL idle connection error:', error.message));
    const factory = new PrismaPg(pool, { disposeExternalPool: true });
    return { factory, sqliteConnection: () => null, postgresPool: () => pool };
  },
  connectionSetup: [],
  async openMigrationSession(url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tx: MigrationTx = {
      exec: async (sql) => void (await client.query(sql)),
      // PostgreSQL checks every reference as the statement runs.
      checkReferences: async () => {},
      query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
    };
    return {
      async transaction(fn) {
        await client.query('BEGIN');
        try {
          // Every instance starting at once queues here: each migration is applied once.
          await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
          const result = await fn(tx);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      },
      async close() {
        await client.end();
      },
    };
  },
  placeholder: (n) => `$${n}`,
  containsInsensitive: (value) => ({ contains: value, mode: 'insensitive' }),
  deleteEventKeysSql: (pairs) => `DELETE FROM "EventKey" AS k USING (${pairs}) AS s WHERE k."incidentNumber" = s."incidentNumber" AND k."key" = s."key" AND k."eventId" = s."eventId"`,
  // Ids need no linguistic order: byte order sorts 2M keys in 2.05 s against 3.3 s under the
  // test cluster's C.UTF-8 (libc collations also lose PostgreSQL's abbreviated sort keys).
  keyCollation: ' COLLATE "C"',
  // Repeats removed by the sort itself: ON CONFLICT DO NOTHING makes every row a speculative
  // insertion here (2M keys of 1M events: 11.3-13.6 s, with DISTINCT instead 6.1-7.6 s).
  insertEventKeysSql: (pairs) =>
    `INSERT INTO "EventKey" ("incidentNumber", "key", "eventId") SELECT DISTINCT "incidentNumber", "key", "eventId" FROM (${pairs}) AS k ORDER BY "incidentNumber", "key", "eventId"`,
  afterBulkLoadSql: ['ANALYZE "Event"', 'ANALYZE "EventKey"', 'ANALYZE "EventSecond"'],
};

const DIALECTS: Record<DbEngine, Dialect> = { sqlite, postgresql };

export function dialectFor(engine: DbEngine): Dialect {
  return DIALECTS[engine];
}
