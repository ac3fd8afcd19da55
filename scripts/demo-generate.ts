/**
 * Writes the demo incident to a directory: every evidence file, profile.json and
 * expectations.json (what the analysis must find, and the clock skews it must recover).
 *
 *   npm run --silent demo:generate -- OUT_DIR [--seed N] [--now | --base ISO_TIME]
 *
 * The base time is 2026-11-20T10:00:00Z unless --now (the current time) or --base is given;
 * the same seed and base time always give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, generateDemo } from '../lib/domain/demo';

const USAGE = 'usage: npm run --silent demo:generate -- OUT_DIR [--seed N] [--now | --base ISO_TIME]';

function fail(message: string): never {
  process.stderr.write(`demo:generate: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let out: string | null = null;
  let seed = DEFAULT_DEMO_SEED;
  let base = DEFAULT_DEMO_BASE_TIME_MS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value)) fail('--seed takes an integer');
      seed = value;
    } else if (arg === '--now') {
      base = Date.now();
    } else if (arg === '--base') {
      const value = Date.parse(argv[++i] ?? '');
      if (Number.isNaN(value)) fail('--base takes an ISO 8601 time');
      base = value;
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}`);
    } else if (out === null) {
      out = arg;
    } else {
      fail(`unexpected argument ${arg}`);
    }
  }
  if (out === null) fail('name the output directory');
  const demo = generateDemo({ seed, baseTimeMs: base });
  mkdirSync(out, { recursive: true });
  for (const file of demo.files) writeFileSync(join(out, file.name), file.text);
  writeFileSync(join(out, 'profile.json'), JSON.stringify(demo.profile, null, 2) + '\n');
  writeFileSync(join(out, 'expectations.json'), JSON.stringify(demo.expectations, null, 2) + '\n');
  process.stdout.write(`wrote ${demo.files.length} evidence files, profile.json and expectations.json to ${out} (seed ${seed}, base ${new Date(base).toISOString()})\n`);
}

main(process.argv.slice(2));
