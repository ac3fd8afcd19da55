/**
 * Incident numbers on the engine under test (SQLite by default, PostgreSQL with
 * TEST_DATABASE_URL): one more than the highest, distinct when creations race, read back as
 * given (from the database open now, not one closed before), and "not found" for an incident
 * that does not exist.
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
const otherDatabaseUrl = await testDatabaseUrl(tmp, 'incident-number-other');

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
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createIncidentRow(db.prisma, { name: `racing ${i}` }, { number: true })));
    const numbers = created.map((c) => c.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    const { _max } = await db.prisma.incident.aggregate({ _max: { number: true } });
    expect(numbers[19]).toBe(_max.number);
  });

  it('reads an incident number back, and names a missing incident', async () => {
    const { id, number } = await createIncidentRow(db.prisma, { name: 'read back' }, { id: true, number: true });
    expect(await incidentNumber(db.prisma, id)).toBe(number);
    expect(await requireIncidentNumber(db.prisma, id)).toBe(number);
    expect(await incidentNumber(db.prisma, 'no-such-incident')).toBeNull();
    await expect(requireIncidentNumber(db.prisma, 'no-such-incident')).rejects.toThrow(NotFoundError);
  });

  it('reads numbers from the database open now, not from one closed before', async () => {
    await db.prisma.incident.create({ data: { id: 'same-id', number: 1000, name: 'first database' } });
    expect(await incidentNumber(db.prisma, 'same-id')).toBe(1000);
    const first = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = otherDatabaseUrl;
    try {
      const other = await getDb();
      await other.prisma.incident.create({ data: { id: 'same-id', number: 7, name: 'second database' } });
      expect(await incidentNumber(other.prisma, 'same-id')).toBe(7);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = first;
      db = await getDb();
    }
  });
});
