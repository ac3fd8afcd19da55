/**
 * `npm run db:drift:postgres`: the PostgreSQL half of the migrations drift test, against
 * TEST_DATABASE_URL when set, else a throwaway local cluster started for the run.
 * (Plain `vitest run` skips that half, and says so, when no PostgreSQL server is given.)
 */
import { spawnSync } from 'node:child_process';
import { startTempPostgres, type TempPostgres } from './db-temp-postgres';

async function main(): Promise<number> {
  let temp: TempPostgres | undefined;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    temp = await startTempPostgres();
    url = temp.url;
  }
  try {
    const run = spawnSync('npx', ['vitest', 'run', 'lib/server/db/migrations-drift.test.ts'], {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: url },
    });
    return run.status ?? 1;
  } finally {
    temp?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('db:drift:postgres failed:', error);
    process.exit(1);
  },
);
