/**
 * The database of one integration test file.
 *
 * By default a fresh SQLite file in the test's temp directory. With TEST_DATABASE_URL set to a
 * PostgreSQL server (`npm run test:postgres` starts a throwaway one), a fresh database on that
 * server, created here under a unique name and dropped after the file's tests (WITH (FORCE):
 * a test that forgot to close its handle does not leave the database behind).
 *
 * Call it at the top level of the test file, before anything opens the database:
 *   process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'upload');
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The PostgreSQL server the integration tests run against, or undefined for SQLite. */
export function testPostgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//i.test(url) ? url : undefined;
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database on the PostgreSQL server `serverUrl`; `drop()` removes it. */
export async function createPostgresDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = `witness_test_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    async drop() {
      await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch((error: unknown) => {
        console.warn(`[test] could not drop ${database}:`, error);
      });
    },
  };
}

/**
 * A fresh, empty database for this test file: SQLite under `tmpDir`, or PostgreSQL (see above).
 * Call it at the top level of the file (it registers the drop as an afterAll hook).
 */
export async function testDatabaseUrl(tmpDir: string, name: string): Promise<string> {
  const server = testPostgresUrl();
  if (!server) return `file:${path.join(tmpDir, `${name}.db`)}`;
  const database = await createPostgresDatabase(server, name);
  afterAll(() => database.drop());
  return database.url;
}
