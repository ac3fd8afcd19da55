/**
 * Which database kind a connection URL names: the ONE place the engine is decided.
 *
 * `file:...` (or a bare path) is SQLite through better-sqlite3; `postgres://` / `postgresql://`
 * is PostgreSQL. Everything engine-specific (client adapter, migrations directory, dialect SQL)
 * keys off the value returned here.
 */
export const DB_ENGINES = ['sqlite', 'postgresql'] as const;
export type DbEngine = (typeof DB_ENGINES)[number];

export function engineFromUrl(url: string): DbEngine {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  return 'sqlite';
}

/** The SQLite file path of a `file:` URL (Prisma's form), relative paths against the cwd. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '');
}
