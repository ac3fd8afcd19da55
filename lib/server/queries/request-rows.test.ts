/**
 * A request lookup in one statement on the engine's driver must give exactly the rows Prisma
 * gives for the same lookup (on SQLite, or on PostgreSQL with TEST_DATABASE_URL): real records (a corpus log whose lines share a request id, and a HAR whose entries
 * carry trace ids), by request id and by a trace id written in another case; and only the
 * events of the incident asked for, though another holds the same log.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath } from '@/lib/test-support/corpus';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { closeDb, getDb } from '../db/client';
import { ingestUpload } from '../ingest/ingest-upload';
import { createIncident } from './create-incident';
import { requestRows } from './request-rows';
import { EVENT_SELECT } from './to-event-dto';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-request-rows-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'request-rows');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const REQ_ID = 'cce79d15-ffc2-487c-a4e4-e940bdaac31e';

/** Incident numbers: the one looked up in, and another holding the same log (uploaded twice). */
let incidentNumber = 0;
let otherNumber = 0;

async function upload(incidentId: string, file: string): Promise<void> {
  const result = await ingestUpload({ incidentId, name: path.basename(file), body: createReadStream(corpusPath(file)), redact: false });
  expect(result.ok).toBe(true);
}

beforeAll(async () => {
  const incident = await createIncident({ name: 'rows' });
  const other = await createIncident({ name: 'the same log again' });
  for (const file of ['logs/withreq.log', 'otlp/trace.json']) await upload(incident.id, file);
  await upload(other.id, 'logs/withreq.log');
  const { prisma } = await getDb();
  const numberOf = async (id: string) => (await prisma.incident.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;
  [incidentNumber, otherNumber] = [await numberOf(incident.id), await numberOf(other.id)];
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('requestRows', () => {
  it('gives the rows Prisma gives for a request id and for a trace id, of its incident only', async () => {
    const db = await getDb();
    const trace = (await db.prisma.event.findFirstOrThrow({ where: { traceId: { not: null } }, select: { traceId: true } })).traceId as string;
    // The other incident holds the same request's events: a lookup must not read them.
    expect(await db.prisma.event.count({ where: { incidentNumber: otherNumber, requestId: REQ_ID } })).toBeGreaterThan(0);
    for (const [request, traceId] of [
      [REQ_ID, null],
      [trace.toUpperCase(), trace],
    ] as const) {
      const keys = traceId ? [request, traceId] : [request];
      const fast = (await requestRows(db, incidentNumber, keys, request, traceId, 100))?.sort((a, b) => a.id - b.id);
      const expected = await db.prisma.event.findMany({
        where: { incidentNumber, OR: [{ requestId: request }, { correlationId: request }, ...(traceId ? [{ traceId }] : [])] },
        select: EVENT_SELECT,
        orderBy: { id: 'asc' },
      });
      expect(fast?.length).toBeGreaterThan(0);
      expect(fast).toEqual(expected);
    }
  });
});
