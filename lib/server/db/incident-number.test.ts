/**
 * Incident numbers on the engine under test (SQLite by default, PostgreSQL with
 * TEST_DATABASE_URL): one more than the highest, distinct when creations race, read back as
 * given, and "not found" for an incident that does not exist.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { NotFoundError } from '../errors';
import { closeDb, type Db, getDb } from './client';
import { createIncidentRow, incidentNumber, requireIncidentNumber } from './incident-number';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-incident-number-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'incident-number');

let db: Db;

beforeAll(async () => {
  db = await getDb();
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('incident numbers', () => {
  it('gives each new incident one more than the highest, also past a gap', async () => {
    const first = await createIncidentRow(db.prisma, { name: 'first' }, { id: true, number: true });
    // A number left by someone else (an import, a migration) is skipped over, not reused.
    await db.prisma.incident.create({ data: { id: 'gap', number: first.number + 5, name: 'gap' } });
    const next = await createIncidentRow(db.prisma, { name: 'next', demo: true }, { id: true, number: true, demo: true });
    expect(next).toMatchObject({ number: first.number + 6, demo: true });
    expect(next.id).toMatch(/^[0-9A-Za-z]{12}$/);
  });

  it('gives incidents created at the same moment distinct numbers', async () => {
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => createIncidentRow(db.prisma, { name: `racing ${i}` }, { number: true })));
    const numbers = created.map((c) => c.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    const { _max } = await db.prisma.incident.aggregate({ _max: { number: true } });
    expect(numbers[5]).toBe(_max.number);
  });

  it('reads an incident number back, and names a missing incident', async () => {
    const { id, number } = await createIncidentRow(db.prisma, { name: 'read back' }, { id: true, number: true });
    expect(await incidentNumber(db.prisma, id)).toBe(number);
    expect(await requireIncidentNumber(db.prisma, id)).toBe(number);
    expect(await incidentNumber(db.prisma, 'no-such-incident')).toBeNull();
    await expect(requireIncidentNumber(db.prisma, 'no-such-incident')).rejects.toThrow(NotFoundError);
  });
});
