#!/usr/bin/env node
/**
 * Runs `prisma generate` (client into lib/generated/prisma, see prisma/schema.prisma).
 *
 * Why this wrapper: the Prisma CLI insists on having its native *schema engine* binary before
 * `generate`, and downloads it from binaries.prisma.sh when missing. Where that host is not
 * reachable (our offline build machines) the command fails even though generation itself runs on
 * WebAssembly and never starts that binary. So, ONLY when the native engine is missing, we point
 * PRISMA_SCHEMA_ENGINE_BINARY at an existing file (the node executable) to skip the download. On
 * a machine with internet, @prisma/engines' postinstall has downloaded the engine and nothing is
 * overridden. Plain JS (no tsx) because it runs from `postinstall`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function nativeSchemaEngineInstalled() {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return true; // the user chose one: respect it
  try {
    const enginesDir = path.dirname(require.resolve('@prisma/engines/package.json'));
    return readdirSync(enginesDir).some((name) => name.startsWith('schema-engine-'));
  } catch {
    return false;
  }
}

const env = { ...process.env };
if (!nativeSchemaEngineInstalled()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  console.log('db:generate: native Prisma schema engine not installed; generating without it.');
}

const prismaBin = path.resolve('node_modules', '.bin', process.platform === 'win32' ? 'prisma.cmd' : 'prisma');
if (!existsSync(prismaBin)) {
  // `npm ci --omit=dev` has no Prisma CLI; a production image must ship a generated client.
  console.error('db:generate: prisma CLI not installed (dev dependency); skipping generation.');
  process.exit(0);
}
const result = spawnSync(prismaBin, ['generate', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
