/**
 * End-to-end tests: Chromium only, against a production build (`next build` + `next start`) on
 * its own port, with a throwaway database and blob directory so a run never touches the
 * developer's data (./data) and always starts from nothing.
 *
 * Browser: PLAYWRIGHT_CHROMIUM_PATH if set, else Debian's /usr/bin/chromium when present (this
 * machine cannot download Playwright's browsers), else Playwright's own Chromium (a laptop).
 */
import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.WITNESS_E2E_PORT ?? 3100);

// The config is evaluated again in every worker: the first evaluation picks the directory and
// publishes it through the environment, which the workers inherit.
process.env.WITNESS_E2E_DIR ??= mkdtempSync(path.join(tmpdir(), 'witness-e2e-'));
const dataDir = process.env.WITNESS_E2E_DIR;
mkdirSync(path.join(dataDir, 'blobs'), { recursive: true });

function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const next = 'node node_modules/next/dist/bin/next';

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores: one browser plus the server (which parses uploads) already fill them; and the
  // journeys share the demo incident, whose profile some of them edit.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: chromiumPath(),
          // --no-sandbox: CI runs as root. The rest keep Chromium off the (closed) network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `${next} build && ${next} start --port ${PORT} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    // Never reuse a server already on the port: it could be a developer's, with real data.
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      // WITNESS_E2E_DATABASE_URL runs the journeys on another engine (npm run test:postgres).
      DATABASE_URL: process.env.WITNESS_E2E_DATABASE_URL ?? `file:${path.join(dataDir, 'e2e.db')}`,
      BLOB_DIR: path.join(dataDir, 'blobs'),
      PORT: String(PORT),
    },
  },
});
