/**
 * `npm run db:migration -- NAME [--engine sqlite|postgresql] [--postgres-url URL]`
 *
 * Writes the next migration, prisma/migrations/<engine>/<NNNN_NAME>/migration.sql, for each
 * database kind: the SQL that takes a database from the committed migrations to schema.prisma,
 * computed by Prisma's schema engine in WebAssembly (see lib/server/db/schema-engine.ts for why
 * not `prisma migrate dev`). Both kinds get the same NNNN so the two histories stay in step.
 *
 * PostgreSQL needs a server for its shadow databases: --postgres-url, else TEST_DATABASE_URL,
 * else a throwaway local cluster is started (scripts/db-temp-postgres.ts) and removed afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_ENGINES, type DbEngine } from '../lib/server/db/engine';
import { MIGRATION_FILE_NAME, migrationsDir, readMigrationFiles } from '../lib/server/db/migration-files';
import { diffMigrationsToSchema } from '../lib/server/db/schema-engine';
import { startTempPostgres, type TempPostgres } from './db-temp-postgres';

function usage(message: string): never {
  console.error(`db:migration: ${message}\nusage: npm run db:migration -- NAME [--engine sqlite|postgresql] [--postgres-url URL]`);
  process.exit(2);
}

function isEngine(value: string): value is DbEngine {
  return (DB_ENGINES as readonly string[]).includes(value);
}

function nextNumber(): string {
  const numbers = DB_ENGINES.flatMap((engine) => readMigrationFiles(engine).map((m) => Number.parseInt(m.name, 10)));
  const next = Math.max(0, ...numbers.filter(Number.isFinite)) + 1;
  return String(next).padStart(4, '0');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { engine: { type: 'string' }, 'postgres-url': { type: 'string' } },
  });
  const name = positionals[0];
  if (!name || positionals.length > 1) usage('give exactly one migration name');
  if (!/^[a-z0-9_]+$/.test(name)) usage('the name is lower-case letters, digits and underscores');
  const engines: DbEngine[] = values.engine ? [values.engine].filter(isEngine) : [...DB_ENGINES];
  if (engines.length === 0) usage(`unknown engine ${values.engine}`);

  const dirName = `${nextNumber()}_${name}`;
  let tempPostgres: TempPostgres | undefined;
  try {
    const written: string[] = [];
    for (const engine of engines) {
      let postgresUrl: string | undefined;
      if (engine === 'postgresql') {
        postgresUrl = values['postgres-url'] ?? process.env.TEST_DATABASE_URL;
        if (!postgresUrl) {
          tempPostgres = await startTempPostgres();
          postgresUrl = tempPostgres.url;
        }
      }
      const sql = await diffMigrationsToSchema({ engine, postgresUrl });
      if (sql === '') {
        console.log(`${engine}: migrations already match schema.prisma; nothing written`);
        continue;
      }
      const dir = path.join(migrationsDir(engine), dirName);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, MIGRATION_FILE_NAME), sql);
      written.push(path.relative(process.cwd(), path.join(dir, MIGRATION_FILE_NAME)));
    }
    for (const file of written) console.log(`wrote ${file}`);
  } finally {
    tempPostgres?.stop();
  }
}

main().catch((error: unknown) => {
  console.error('db:migration failed:', error);
  process.exit(1);
});
