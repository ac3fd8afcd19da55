import { appendFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresDatabase, testPostgresUrl } from '@/lib/test-support/test-database';
import { SQLITE_PAGE_SIZE, dialectFor } from './dialect';
import { MIGRATIONS_TABLE, MigrationError, migrate } from './migrate';
import { readMigrationFiles } from './migration-files';

const sqlite = dialectFor('sqlite');
let root: string;
let url: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'witness-migrate-'));
  cpSync(path.join(process.cwd(), 'prisma', 'migrations', 'sqlite'), path.join(root, 'prisma', 'migrations', 'sqlite'), { recursive: true });
  url = `file:${path.join(root, 'test.db')}`;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tables(): string[] {
  const db = new Database(path.join(root, 'test.db'));
  const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  db.close();
  return rows.map((r) => r.name);
}

/**
 * Migrates without migration `name` and those after it, lets `seed` write data as the schema
 * before it held it (incident `i1` exists), applies `name` and the later ones, and opens the
 * database for the checks.
 */
async function migrateAcross(name: string, seed: (db: Database.Database) => void): Promise<Database.Database> {
  const dir = path.join(root, 'prisma', 'migrations', 'sqlite');
  const held = readMigrationFiles('sqlite', root).map((m) => m.name).filter((m) => m >= name);
  mkdirSync(path.join(root, 'held'));
  for (const m of held) renameSync(path.join(dir, m), path.join(root, 'held', m));
  await migrate(sqlite, url, root);
  const db = new Database(path.join(root, 'test.db'));
  // Incidents have a number from 0009 on.
  const numbered = db.prepare(`SELECT 1 FROM pragma_table_info('Incident') WHERE "name" = 'number'`).get() !== undefined;
  db.exec(numbered ? `INSERT INTO "Incident" ("id", "name", "updatedAt", "number") VALUES ('i1', 'old', 0, 1)` : `INSERT INTO "Incident" ("id", "name", "updatedAt") VALUES ('i1', 'old', 0)`);
  seed(db);
  db.close();
  for (const m of held) renameSync(path.join(root, 'held', m), path.join(dir, m));
  expect(await migrate(sqlite, url, root)).toEqual(held);
  return new Database(path.join(root, 'test.db'));
}

describe('migrate', () => {
  it('creates the schema on an empty database, then has nothing to do', async () => {
    expect(await migrate(sqlite, url, root)).toEqual(readMigrationFiles('sqlite', root).map((m) => m.name));
    expect(tables()).toEqual(expect.arrayContaining(['Incident', 'Source', 'Event', 'Diagnostic', MIGRATIONS_TABLE]));
    expect(await migrate(sqlite, url, root)).toEqual([]);
  });

  it('creates a new database with the chosen page size and leaves an existing one as it is', async () => {
    await migrate(sqlite, url, root);
    const pageSize = (file: string) => {
      const db = new Database(file, { readonly: true });
      const size = db.pragma('page_size', { simple: true });
      db.close();
      return size;
    };
    expect(pageSize(path.join(root, 'test.db'))).toBe(SQLITE_PAGE_SIZE);
    const old = path.join(root, 'old.db');
    const db = new Database(old);
    db.exec('CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY)');
    db.close();
    expect(pageSize(old)).toBe(4096);
    await migrate(sqlite, `file:${old}`, root);
    expect(pageSize(old)).toBe(4096);
  });

  it('applies a new migration file in order, in its own transaction', async () => {
    await migrate(sqlite, url, root);
    const dir = path.join(root, 'prisma', 'migrations', 'sqlite', '9000_probe');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'migration.sql'), 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);\nCREATE TABLE "Broken" (;');
    await expect(migrate(sqlite, url, root)).rejects.toThrow();
    expect(tables()).not.toContain('Probe'); // rolled back with its failed sibling statement
    writeFileSync(path.join(dir, 'migration.sql'), 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);');
    expect(await migrate(sqlite, url, root)).toEqual(['9000_probe']);
    expect(tables()).toContain('Probe');
  });

  it('runs a migration without foreign key enforcement, and refuses one that leaves a reference dangling', async () => {
    await migrate(sqlite, url, root);
    const db = new Database(path.join(root, 'test.db'));
    db.exec(`INSERT INTO "Incident" ("id", "number", "name", "updatedAt") VALUES ('i1', 1, 'kept', 0)`);
    db.exec(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s1', 'i1', 'a.log', 0, 'ready', 0)`);
    db.close();
    const dir = path.join(root, 'prisma', 'migrations', 'sqlite', '9000_probe');
    mkdirSync(dir);
    // A redefinition of a table others refer to, as Prisma writes one: with enforcement on, the
    // DROP would delete the incident's sources through ON DELETE CASCADE.
    const redefine = [
      `CREATE TABLE "new_Incident" ("id" TEXT NOT NULL PRIMARY KEY, "number" INTEGER NOT NULL, "name" TEXT NOT NULL, "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL, "profile" TEXT, "demo" BOOLEAN NOT NULL DEFAULT false);`,
      `INSERT INTO "new_Incident" SELECT "id", "number", "name", "createdAt", "updatedAt", "profile", "demo" FROM "Incident";`,
      `DROP TABLE "Incident";`,
      `ALTER TABLE "new_Incident" RENAME TO "Incident";`,
      `CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");`,
    ].join('\n');
    writeFileSync(path.join(dir, 'migration.sql'), `${redefine}\nINSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s2', 'nobody', 'b.log', 0, 'ready', 0);`);
    await expect(migrate(sqlite, url, root)).rejects.toThrow(/left 1 row\(s\) of Source referring to no row of Incident/);
    writeFileSync(path.join(dir, 'migration.sql'), redefine);
    expect(await migrate(sqlite, url, root)).toEqual(['9000_probe']);
    const check = new Database(path.join(root, 'test.db'));
    expect(check.prepare(`SELECT "id", "incidentId" FROM "Source"`).all()).toEqual([{ id: 's1', incidentId: 'i1' }]);
    check.close();
  });

  it('backfills the events per second of sources ingested before 0005 (ready ones only)', async () => {
    const check = await migrateAcross('0005_event_seconds', (db) => {
      db.exec(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('ready1', 'i1', 'a.log', 0, 'ready', 0), ('parse1', 'i1', 'b.log', 1, 'parsing', 0)`);
      const insert = db.prepare(`INSERT INTO "Event" ("incidentId", "sourceId", "position", "seq", "ts", "level", "raw") VALUES ('i1', ?, 0, ?, ?, ?, 'x')`);
      [[100_500, 'info'], [100_999, 'error'], [102_000, 'fatal'], [-500, 'warn'], [null, 'error']].forEach(([ts, level], seq) => insert.run('ready1', seq, ts, level));
      insert.run('parse1', 0, 100_000, 'info');
    });
    const rows = check.prepare(`SELECT "sourceId", "second", "count", "errors" FROM "EventSecond" ORDER BY "sourceId", "second"`).all();
    check.close();
    expect(rows).toEqual([
      { sourceId: 'ready1', second: -1, count: 1, errors: 0 },
      { sourceId: 'ready1', second: 100, count: 2, errors: 1 },
      { sourceId: 'ready1', second: 102, count: 1, errors: 1 },
    ]);
  });

  it('moves events and request keys into the tables of 0006 without giving a deleted event id again', async () => {
    const check = await migrateAcross('0006_raw_text_by_offset', (db) => {
      db.exec(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s1', 'i1', 'a.log', 0, 'ready', 0)`);
      const insert = db.prepare(`INSERT INTO "Event" ("incidentId", "sourceId", "position", "seq", "raw", "requestId") VALUES ('i1', 's1', 0, ?, ?, 'r-1')`);
      ['one', 'two', 'three'].forEach((raw, seq) => insert.run(seq, raw));
      db.exec(`INSERT INTO "EventKey" ("key", "eventId") VALUES ('r-1', 1), ('r-1', 2)`);
      db.exec(`DELETE FROM "Event" WHERE "id" = 3`);
    });
    check.exec(`INSERT INTO "Event" ("incidentNumber", "position", "seq", "rawOffset", "rawLength") VALUES (1, 0, 3, 0, 3)`);
    expect(check.prepare(`SELECT "id", "raw", "rawOffset" FROM "Event" ORDER BY "id"`).all()).toEqual([
      { id: 1, raw: 'one', rawOffset: null },
      { id: 2, raw: 'two', rawOffset: null },
      { id: 4, raw: null, rawOffset: 0 },
    ]);
    expect(check.prepare(`SELECT "key", "eventId" FROM "EventKey"`).all()).toEqual([{ key: 'r-1', eventId: 1 }, { key: 'r-1', eventId: 2 }]);
    check.close();
  });

  it('gives each request key the incident of its event in 0010, leaving out keys of events that are gone', async () => {
    const check = await migrateAcross('0010_event_key_incident', (db) => {
      db.exec(`INSERT INTO "Incident" ("id", "name", "updatedAt", "number") VALUES ('i2', 'again', 0, 2)`);
      db.exec(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s1', 'i1', 'a.log', 0, 'ready', 0), ('s2', 'i2', 'a.log', 0, 'ready', 0)`);
      const insert = db.prepare(`INSERT INTO "Event" ("incidentNumber", "position", "seq", "requestId") VALUES (?, 0, ?, 'r-1')`);
      insert.run(1, 0);
      insert.run(2, 0);
      insert.run(1, 1);
      db.exec(`INSERT INTO "EventKey" ("key", "eventId") VALUES ('r-1', 1), ('r-1', 2), ('r-1', 3), ('r-1', 99)`);
    });
    expect(check.prepare(`SELECT "incidentNumber", "key", "eventId" FROM "EventKey" ORDER BY "eventId"`).all()).toEqual([
      { incidentNumber: 1, key: 'r-1', eventId: 1 },
      { incidentNumber: 2, key: 'r-1', eventId: 2 },
      { incidentNumber: 1, key: 'r-1', eventId: 3 },
    ]);
    // Still nothing but its primary key (WITHOUT ROWID, as 0006 made it).
    expect((check.prepare(`SELECT "sql" FROM "sqlite_master" WHERE "name" = 'EventKey'`).get() as { sql: string }).sql).toMatch(/PRIMARY KEY \("incidentNumber", "key", "eventId"\)\s*\)\s*WITHOUT ROWID$/);
    check.close();
  });

  it('drops the foreign key from events to sources in 0008, keeping every event and the id sequence', async () => {
    const check = await migrateAcross('0008_event_without_source_fk', (db) => {
      db.exec(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s1', 'i1', 'a.log', 0, 'ready', 0)`);
      const insert = db.prepare(`INSERT INTO "Event" ("incidentId", "sourceId", "position", "seq", "raw", "rawOffset", "rawLength", "requestId") VALUES ('i1', 's1', 0, ?, ?, ?, ?, 'r-1')`);
      insert.run(0, 'one', null, null);
      insert.run(1, null, 10, 5);
      insert.run(2, 'three', null, null);
      db.exec(`DELETE FROM "Event" WHERE "id" = 3`);
      expect(db.pragma('foreign_key_list("Event")')).toHaveLength(1);
    });
    expect(check.pragma('foreign_key_list("Event")')).toEqual([]);
    // An event of a source the database does not know is not refused (ingest keeps that invariant).
    check.exec(`INSERT INTO "Event" ("incidentNumber", "position", "seq") VALUES (1, 7, 0)`);
    expect(check.prepare(`SELECT "id", "position", "seq", "raw", "rawOffset", "rawLength" FROM "Event" ORDER BY "id"`).all()).toEqual([
      { id: 1, position: 0, seq: 0, raw: 'one', rawOffset: null, rawLength: null },
      { id: 2, position: 0, seq: 1, raw: null, rawOffset: 10, rawLength: 5 },
      { id: 4, position: 7, seq: 0, raw: null, rawOffset: null, rawLength: null },
    ]);
    check.close();
  });

  it('numbers the incidents in 0009 in creation order, and names the source of each event by that number and its position, keeping every event and the id sequence', async () => {
    const check = await migrateAcross('0009_event_owner_numbers', (db) => {
      db.exec(`INSERT INTO "Incident" ("id", "name", "createdAt", "updatedAt") VALUES ('i0', 'older', '2020-01-01 00:00:00', 0)`);
      db.exec(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s1', 'i1', 'a.log', 0, 'ready', 0), ('s0', 'i0', 'b.log', 3, 'ready', 0)`);
      const insert = db.prepare(`INSERT INTO "Event" ("incidentId", "sourceId", "position", "seq", "ts", "raw") VALUES (?, ?, ?, ?, ?, 'x')`);
      insert.run('i1', 's1', 0, 0, 10);
      insert.run('i0', 's0', 3, 0, 20);
      insert.run('i1', 's1', 0, 1, 30);
      insert.run('i1', 's1', 0, 2, 40);
      db.exec(`DELETE FROM "Event" WHERE "id" = 4`);
    });
    expect(check.prepare(`SELECT "id", "number" FROM "Incident" ORDER BY "number"`).all()).toEqual([{ id: 'i0', number: 1 }, { id: 'i1', number: 2 }]);
    check.exec(`INSERT INTO "Event" ("incidentNumber", "position", "seq") VALUES (2, 0, 3)`);
    expect(check.prepare(`SELECT "id", "incidentNumber", "position", "seq", "ts" FROM "Event" ORDER BY "id"`).all()).toEqual([
      { id: 1, incidentNumber: 2, position: 0, seq: 0, ts: 10 },
      { id: 2, incidentNumber: 1, position: 3, seq: 0, ts: 20 },
      { id: 3, incidentNumber: 2, position: 0, seq: 1, ts: 30 },
      { id: 5, incidentNumber: 2, position: 0, seq: 3, ts: null },
    ]);
    expect(() => check.exec(`UPDATE "Incident" SET "number" = 1 WHERE "id" = 'i1'`)).toThrow(/UNIQUE/);
    // The incidents' tables were redefined: what refers to them is all still there.
    expect(check.prepare(`SELECT "id", "incidentId" FROM "Source" ORDER BY "id"`).all()).toEqual([{ id: 's0', incidentId: 'i0' }, { id: 's1', incidentId: 'i1' }]);
    expect(check.prepare(`SELECT "name" FROM "sqlite_master" WHERE "tbl_name" = 'Event' AND "type" = 'index' ORDER BY "name"`).all()).toEqual([
      { name: 'Event_incidentNumber_position_seq_idx' },
      { name: 'Event_incidentNumber_ts_position_seq_idx' },
    ]);
    check.close();
  });

  it('refuses to start when an applied migration was edited', async () => {
    await migrate(sqlite, url, root);
    appendFileSync(path.join(root, 'prisma', 'migrations', 'sqlite', '0001_init', 'migration.sql'), '\n-- edited\n');
    await expect(migrate(sqlite, url, root)).rejects.toThrow(MigrationError);
    await expect(migrate(sqlite, url, root)).rejects.toThrow(/0001_init was changed after it was applied/);
  });

  it('refuses a database migrated by a newer build', async () => {
    await migrate(sqlite, url, root);
    const db = new Database(path.join(root, 'test.db'));
    db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" VALUES ('9999_future', 'x', 'now')`).run();
    db.close();
    await expect(migrate(sqlite, url, root)).rejects.toThrow(/9999_future, which is not in/);
  });
});

describe.skipIf(!testPostgresUrl())('migrate on PostgreSQL (TEST_DATABASE_URL)', () => {
  const postgresql = dialectFor('postgresql');

  it('several instances starting at once apply each migration once (advisory lock)', async () => {
    const database = await createPostgresDatabase(testPostgresUrl()!, 'migrate-concurrent');
    const pgUrl = database.url;
    try {
      const names = readMigrationFiles('postgresql').map((m) => m.name);
      const results = await Promise.all([1, 2, 3, 4].map(() => migrate(postgresql, pgUrl)));
      // Each file is applied by exactly one of them (not necessarily all by the same one).
      expect(results.flat().sort()).toEqual(names);
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`);
        expect(rows.map((r) => r.name)).toEqual(names);
      } finally {
        await client.end();
      }
      expect(await migrate(postgresql, pgUrl)).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it('numbers the incidents in 0009 in creation order and names the source of each event by that number and its position', async () => {
    const database = await createPostgresDatabase(testPostgresUrl()!, 'migrate-0009');
    const dir = path.join(root, 'prisma', 'migrations', 'postgresql');
    cpSync(path.join(process.cwd(), 'prisma', 'migrations', 'postgresql'), dir, { recursive: true });
    const held = readMigrationFiles('postgresql', root).map((m) => m.name).filter((m) => m >= '0009_event_owner_numbers');
    mkdirSync(path.join(root, 'held'));
    for (const m of held) renameSync(path.join(dir, m), path.join(root, 'held', m));
    const client = new pg.Client({ connectionString: database.url });
    try {
      await migrate(postgresql, database.url, root);
      await client.connect();
      await client.query(`INSERT INTO "Incident" ("id", "name", "createdAt", "updatedAt") VALUES ('i1', 'newer', '2021-01-01', now()), ('i0', 'older', '2020-01-01', now())`);
      await client.query(`INSERT INTO "Source" ("id", "incidentId", "name", "position", "status", "updatedAt") VALUES ('s1', 'i1', 'a.log', 0, 'ready', now()), ('s0', 'i0', 'b.log', 3, 'ready', now())`);
      await client.query(`INSERT INTO "Event" ("incidentId", "sourceId", "position", "seq", "ts") VALUES ('i1', 's1', 0, 0, 10), ('i0', 's0', 3, 0, 20), ('i1', 's1', 0, 1, 30)`);
      // Request keys, one of an event that is gone: 0010 gives each its event's incident.
      await client.query(`INSERT INTO "EventKey" ("key", "eventId") VALUES ('r-1', 1), ('r-1', 2), ('r-2', 99)`);
      for (const m of held) renameSync(path.join(root, 'held', m), path.join(dir, m));
      expect(await migrate(postgresql, database.url, root)).toEqual(held);
      expect((await client.query(`SELECT "id", "number" FROM "Incident" ORDER BY "number"`)).rows).toEqual([{ id: 'i0', number: 1 }, { id: 'i1', number: 2 }]);
      const events = await client.query(`SELECT "incidentNumber", "position", "seq", "ts" FROM "Event" ORDER BY "id"`);
      expect(events.rows).toEqual([
        { incidentNumber: 2, position: 0, seq: 0, ts: 10 },
        { incidentNumber: 1, position: 3, seq: 0, ts: 20 },
        { incidentNumber: 2, position: 0, seq: 1, ts: 30 },
      ]);
      await expect(client.query(`UPDATE "Incident" SET "number" = 1 WHERE "id" = 'i1'`)).rejects.toThrow(/unique/);
      const keys = await client.query(`SELECT "incidentNumber", "key", "eventId" FROM "EventKey" ORDER BY "eventId"`);
      expect(keys.rows).toEqual([
        { incidentNumber: 2, key: 'r-1', eventId: 1 },
        { incidentNumber: 1, key: 'r-1', eventId: 2 },
      ]);
      const constraint = await client.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"EventKey"'::regclass`);
      expect(constraint.rows).toEqual([{ conname: 'EventKey_pkey', def: 'PRIMARY KEY ("incidentNumber", key, "eventId")' }]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
