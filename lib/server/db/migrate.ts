/**
 * The app's own migrator: brings the database up to the committed SQL files
 * (prisma/migrations/<engine>/NNNN_name/migration.sql) when the process starts.
 *
 * Invariants:
 * - `_witness_migrations` lists every applied migration with the sha256 of its file.
 * - Files apply in name order, each in its own transaction together with its record, so a
 *   failure leaves the database at the previous migration.
 * - An applied migration whose file changed, or one this build does not have, stops the app
 *   with an error instead of guessing: the database and the code disagree about the schema.
 */
import type { Dialect, MigrationTx } from './dialect';
import { type MigrationFile, readMigrationFiles } from './migration-files';

export const MIGRATIONS_TABLE = '_witness_migrations';

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

interface AppliedRow {
  name: string;
  checksum: string;
}

async function appliedMigrations(tx: MigrationTx): Promise<Map<string, string>> {
  const rows = await tx.query<AppliedRow>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

function verify(applied: Map<string, string>, files: MigrationFile[], dir: string): void {
  const known = new Map(files.map((file) => [file.name, file]));
  for (const [name, checksum] of applied) {
    const file = known.get(name);
    if (!file) {
      throw new MigrationError(`the database has migration ${name}, which is not in ${dir}: it was created by a newer Witness; run that version`);
    }
    if (file.checksum !== checksum) {
      throw new MigrationError(
        `migration ${name} was changed after it was applied to this database (checksum ${checksum.slice(0, 12)}… is now ${file.checksum.slice(0, 12)}…); restore the original file and add a new migration instead`,
      );
    }
  }
}

/** Applies the missing migrations; returns the names applied now. */
export async function migrate(dialect: Dialect, url: string, root: string = process.cwd()): Promise<string[]> {
  const files = readMigrationFiles(dialect.engine, root);
  const dir = `prisma/migrations/${dialect.engine}`;
  if (files.length === 0) throw new MigrationError(`no migrations found in ${dir} under ${root}: run the app from the project directory`);
  const session = await dialect.openMigrationSession(url);
  try {
    await session.transaction((tx) =>
      tx.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`),
    );
    const appliedNow: string[] = [];
    for (const file of files) {
      await session.transaction(async (tx) => {
        // Re-read inside the locked transaction: another process may have applied it meanwhile.
        const applied = await appliedMigrations(tx);
        verify(applied, files, dir);
        if (applied.has(file.name)) return;
        await tx.exec(file.sql);
        await tx.checkReferences();
        await tx.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES (${dialect.placeholder(1)}, ${dialect.placeholder(2)}, ${dialect.placeholder(3)})`, [
          file.name,
          file.checksum,
          new Date().toISOString(),
        ]);
        appliedNow.push(file.name);
      });
    }
    // Nothing was missing: still refuse a database whose history disagrees with the files.
    if (appliedNow.length === 0) await session.transaction(async (tx) => verify(await appliedMigrations(tx), files, dir));
    return appliedNow;
  } finally {
    await session.close();
  }
}
