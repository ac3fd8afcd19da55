/**
 * Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter.
 *
 * Why not the Prisma CLI: `prisma migrate` needs a native engine binary that is downloaded on
 * first use, and our build machines cannot download it. The same engine ships as
 * `@prisma/schema-engine-wasm` (pinned to the version our `prisma` uses); it computes migration SQL
 * from a migrations directory to `schema.prisma` for SQLite and PostgreSQL alike.
 *
 * Development tooling only (scripts/db-migration.ts and the drift test): the app applies the
 * committed SQL itself (./migrate.ts) and never loads this module.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MigrationList, SchemaEngine as SchemaEngineApi } from '@prisma/schema-engine-wasm';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { PoolConfig } from 'pg';
import type { DbEngine } from './engine';
import { MIGRATION_FILE_NAME, migrationsDir, readMigrationFiles } from './migration-files';

const SCHEMA_PATH = path.join('prisma', 'schema.prisma');

interface SchemaEngineModule {
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (message: string) => void, adapter: object) => Promise<SchemaEngineApi>;
  };
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
}

let modulePromise: Promise<SchemaEngineModule> | undefined;

/**
 * Node 20 cannot `import` a .wasm file as an ES module (the package's entry does exactly that), so
 * we instantiate the bytes ourselves with the generated JS glue as the import object.
 */
function loadSchemaEngine(): Promise<SchemaEngineModule> {
  modulePromise ??= (async () => {
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as SchemaEngineModule & WebAssembly.ModuleImports;
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === 'function') start();
    return glue;
  })();
  return modulePromise;
}

/** schema.prisma with its datasource provider set for `engine` (the models are engine-neutral). */
export function schemaFor(engine: DbEngine, root: string = process.cwd()): string {
  const schema = readFileSync(path.join(root, SCHEMA_PATH), 'utf8');
  const rewritten = schema.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]*"/, `$1"${engine}"`);
  if (!rewritten.includes(`provider = "${engine}"`)) throw new Error(`could not set the datasource provider in ${SCHEMA_PATH}`);
  return rewritten;
}

function migrationList(engine: DbEngine, root: string): MigrationList {
  const baseDir = migrationsDir(engine, root);
  return {
    baseDir,
    // Prisma records the provider in a lock file; ours is implied by the directory, so say it here.
    lockfile: { path: 'migration_lock.toml', content: `provider = "${engine}"\n` },
    shadowDbInitScript: '',
    migrationDirectories: readMigrationFiles(engine, root).map((m) => ({
      path: m.name,
      migrationFile: { path: MIGRATION_FILE_NAME, content: { tag: 'ok', value: m.sql } },
    })),
  };
}

/** A driver adapter factory for the engine; PostgreSQL needs a server to host shadow databases. */
async function adapterFactory(engine: DbEngine, postgresUrl: string | undefined): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (engine === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    // The diff replays migrations into an in-memory shadow database; nothing touches disk.
    const factory = new PrismaBetterSqlite3({ url: ':memory:' });
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => multiStatementRaw(await factory.connect()),
      connectToShadowDb: async () => multiStatementRaw(await factory.connectToShadowDb()),
    };
  }
  if (!postgresUrl) throw new Error('a PostgreSQL diff needs a server: set TEST_DATABASE_URL or pass --postgres-url');
  const url = new URL(postgresUrl);
  return postgresFactory({
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, '') || 'postgres',
  });
}

/**
 * PrismaPg, but with our own shadow databases: PrismaPg 7.10 drops its shadow database before
 * closing the pool connected to it, which PostgreSQL refuses ("being accessed by other users").
 * Here the pool is closed first and the drop is forced.
 */
async function postgresFactory(config: PoolConfig): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { default: pg } = await import('pg');
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  config = { ...config, Client: charAsTextClient(pg.Client) };
  const main = new PrismaPg(config);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const database = `witness_shadow_${randomUUID().replace(/-/g, '')}`;
      await admin(`CREATE DATABASE "${database}"`);
      const adapter = await new PrismaPg({ ...config, database }).connect();
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

/**
 * The engine replays a SQLite migration file through `executeRaw`, but better-sqlite3 prepares
 * one statement at a time ("contains more than one statement"); run such a script whole instead.
 */
function multiStatementRaw(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !(error instanceof RangeError) || !/more than one statement/.test(error.message)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

type QueryFn = (...args: unknown[]) => unknown;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine's catalog queries return PostgreSQL's one-byte `"char"` type (pg_class.relkind...),
 * which PrismaPg 7.10 rejects as an unsupported column type. Its values arrive as strings anyway,
 * so the client reports those columns as text. Dev tooling only: the app never sees this client.
 */
function charAsTextClient(Base: typeof import('pg').Client): typeof import('pg').Client {
  const relabel = (result: unknown): unknown => {
    const fields = (result as { fields?: { dataTypeID: number }[] } | null)?.fields;
    for (const field of fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  class CharAsTextClient extends Base {}
  const query = Base.prototype.query as QueryFn;
  const patched: QueryFn = function (this: unknown, ...args: unknown[]) {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => (last as QueryFn)(error, relabel(result));
      return query.apply(this, args);
    }
    const out = query.apply(this, args);
    return out instanceof Promise ? out.then(relabel) : out;
  };
  CharAsTextClient.prototype.query = patched as typeof Base.prototype.query;
  return CharAsTextClient;
}

export interface DiffOptions {
  engine: DbEngine;
  /** Required for PostgreSQL: a database the role may CREATE DATABASE from (shadow databases). */
  postgresUrl?: string;
  root?: string;
}

/**
 * The SQL that takes a database from the committed migrations of `engine` to schema.prisma;
 * an empty string when they agree.
 */
export async function diffMigrationsToSchema({ engine, postgresUrl, root = process.cwd() }: DiffOptions): Promise<string> {
  const { SchemaEngine } = await loadSchemaEngine();
  const factory = bindMigrationAwareSqlAdapterFactory(await adapterFactory(engine, postgresUrl));
  const schema = { path: path.join(root, SCHEMA_PATH), content: schemaFor(engine, root) };
  const logs: string[] = [];
  const schemaEngine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, (m) => logs.push(m), factory);
  try {
    const result = await schemaEngine.diff({
      from: { tag: 'migrations', ...migrationList(engine, root) },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? '';
    return isEmptyScript(sql) ? '' : sql;
  } finally {
    schemaEngine.free();
  }
}

/** The engine prints a comment-only script for "no changes". */
function isEmptyScript(sql: string): boolean {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}
