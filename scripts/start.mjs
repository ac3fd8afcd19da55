#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve on PORT (default
// 3000). The database is created and migrated by the app itself on first use, so a fresh clone
// needs nothing but `npm install` and this.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const WATCHED = ['app', 'components', 'lib', 'public', 'next.config.js', 'package.json', 'tsconfig.json'];
const SKIPPED = new Set(['generated', 'node_modules']);

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (SKIPPED.has(entry) || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function run(args) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...WATCHED.map((p) => newestMtime(path.join(root, p))));
if (builtAt < changedAt) {
  console.log(builtAt === 0 ? 'witness: first start, building the app...' : 'witness: sources changed since the last build, rebuilding...');
  run(['build']);
}
run(['start', '--port', process.env.PORT ?? '3000']);
