/**
 * schema.prisma and the committed migrations must describe the same database: the diff from the
 * migrations directory to the schema is empty. When this fails, run
 * `npm run db:migration -- NAME` and commit the new migration files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from './schema-engine';

const postgresUrl = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined;
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('migrations drift', () => {
  it('SQLite migrations produce exactly schema.prisma', async () => {
    expect(await diffMigrationsToSchema({ engine: 'sqlite' })).toBe('');
  });

  it('detects a schema change that has no migration yet', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'witness-drift-'));
    scratch.push(root);
    cpSync(path.join(process.cwd(), 'prisma'), path.join(root, 'prisma'), { recursive: true });
    const schemaPath = path.join(root, 'prisma', 'schema.prisma');
    writeFileSync(schemaPath, readFileSync(schemaPath, 'utf8').replace('  profile   String?', '  profile   String?\n  driftProbe String?'));
    const sql = await diffMigrationsToSchema({ engine: 'sqlite', root });
    expect(sql).toMatch(/driftProbe/);
  });

  it.skipIf(!postgresUrl)('PostgreSQL migrations produce exactly schema.prisma (needs TEST_DATABASE_URL=postgresql://...)', async () => {
    expect(await diffMigrationsToSchema({ engine: 'postgresql', postgresUrl })).toBe('');
  });
});
