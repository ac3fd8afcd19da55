/**
 * The committed migration SQL files, one directory per database kind:
 * `prisma/migrations/<engine>/<NNNN_name>/migration.sql`.
 *
 * Invariants: directories apply in lexical order of their names (the script numbers them with four
 * digits); a migration's checksum is the sha256 of its file's bytes, so any edit after it was
 * applied is detected by the runtime migrator. Read relative to `process.cwd()` so that the same
 * files serve `next start`, tests and scripts without being bundled.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DbEngine } from './engine';

export interface MigrationFile {
  /** Directory name, e.g. `0001_init`: the migration's identity. */
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATION_FILE_NAME = 'migration.sql';

export function migrationsDir(engine: DbEngine, root: string = process.cwd()): string {
  return path.join(root, 'prisma', 'migrations', engine);
}

export function readMigrationFiles(engine: DbEngine, root: string = process.cwd()): MigrationFile[] {
  const dir = migrationsDir(engine, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, MIGRATION_FILE_NAME)))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, MIGRATION_FILE_NAME));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}
