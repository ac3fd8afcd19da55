/**
 * `npm run test:postgres`: the integration suite (every DB-backed test, all under lib/server)
 * and the end-to-end journeys on PostgreSQL. Starts a throwaway cluster
 * (scripts/db-temp-postgres.ts), runs vitest with TEST_DATABASE_URL pointing at it (each test
 * file creates its own database there, see lib/test-support/test-database.ts), then Playwright
 * with the app's DATABASE_URL on the cluster (WITNESS_E2E_DATABASE_URL, playwright.config.ts),
 * and always stops the cluster, on failure and on Ctrl-C too.
 * Extra arguments go to vitest and skip the journeys (`npm run test:postgres -- lib/server/http/upload-api.test.ts`).
 */
import { spawn } from 'node:child_process';
import { startTempPostgres } from './db-temp-postgres';

const args = process.argv.slice(2);
const targets = args.some((a) => !a.startsWith('-')) ? args : ['lib/server', ...args];

let current: ReturnType<typeof spawn> | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => current?.kill(signal));
}

/** Runs `npx ...command` with extra environment; resolves its exit code. */
function run(name: string, command: string[], env: Record<string, string>): Promise<number> {
  const child = spawn('npx', command, { stdio: 'inherit', env: { ...process.env, ...env } });
  current = child;
  return new Promise<number>((resolve) => {
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`test:postgres: could not run ${name}:`, error);
      resolve(1);
    });
  });
}

async function main(): Promise<number> {
  const cluster = await startTempPostgres();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      cluster.stop();
    } catch (error) {
      console.error('test:postgres: could not stop the temporary cluster:', error);
    }
  };
  console.log(`test:postgres: temporary PostgreSQL at ${cluster.url}`);

  let code = await run('vitest', ['vitest', 'run', ...targets], { TEST_DATABASE_URL: cluster.url });
  if (code === 0 && args.length === 0) code = await run('playwright', ['playwright', 'test'], { WITNESS_E2E_DATABASE_URL: cluster.url });
  stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
