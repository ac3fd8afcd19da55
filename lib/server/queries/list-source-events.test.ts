/**
 * The analysis reads a source's events through listSourceEvents: row arrays from the engine's own
 * driver (better-sqlite3, or pg with TEST_DATABASE_URL), mapped by hand. The hand mapping must
 * give exactly what Prisma gives, column for column, for real records (a corpus log with unparsed lines, and a HAR with intervals).
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
import { ANALYSIS_EVENT_SELECT, listSourceEvents, ANALYSIS_ROW_COLUMNS } from './list-source-events';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-list-source-events-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'list-source-events');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

const sourceIds: string[] = [];

beforeAll(async () => {
  const incident = await createIncident({ name: 'rows' });
  for (const file of ['logs/all.log', 'har/timed_out.har']) {
    const result = await ingestUpload({ incidentId: incident.id, name: path.basename(file), body: createReadStream(corpusPath(file)), redact: false });
    expect(result.ok).toBe(true);
    sourceIds.push(result.source.id);
  }
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe('listSourceEvents', () => {
  it('reads every column the analysis selects', () => {
    expect([...ANALYSIS_ROW_COLUMNS].sort()).toEqual(Object.keys(ANALYSIS_EVENT_SELECT).sort());
  });

  it('gives the rows Prisma gives, in record order, across pages', async () => {
    const db = await getDb();
    for (const sourceId of sourceIds) {
      const listed = [];
      for await (const page of listSourceEvents(db, sourceId, { pageSize: 7 })) listed.push(...page);
      const expected = await db.prisma.event.findMany({ where: { sourceId }, select: ANALYSIS_EVENT_SELECT, orderBy: { seq: 'asc' } });
      expect(listed.length).toBeGreaterThan(7);
      expect(listed).toEqual(expected);
    }
  });
});
