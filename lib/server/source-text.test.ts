/**
 * An event stored as a pointer into its source's text reads back as exactly the raw text the
 * parser gave it, on the engine under test: for every file of the shared corpus, and for the
 * inputs where the stored bytes and the parsed text part ways (gzip, bytes that are not UTF-8,
 * a byte order mark, CRLF records of several lines, redaction, redaction off), after an upload
 * and after a re-parse. The oracle is readEvidence over the same bytes, which keeps every raw
 * text in memory.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStreamRedactor } from '@/lib/domain/redact/stream-redactor';
import { CORPUS_DIR, listCorpusDir } from '@/lib/test-support/corpus';
import { testDatabaseUrl } from '@/lib/test-support/test-database';
import { blobPath, parsedTextPath, sourceTextPath } from './blob-store';
import { closeDb, getDb } from './db/client';
import { ingestUpload } from './ingest/ingest-upload';
import { readEvidence } from './ingest/read-evidence';
import { reparseSource } from './ingest/reparse-source';
import { createIncident } from './queries/create-incident';
import { listEvents } from './queries/list-events';
import { EVENT_SELECT } from './queries/to-event-dto';
import { withRawTexts } from './source-text';
import { eventOwner } from './db/event-owner';

const tmp = mkdtempSync(path.join(tmpdir(), 'witness-source-text-'));
process.env.DATABASE_URL = await testDatabaseUrl(tmp, 'source-text');
process.env.BLOB_DIR = path.join(tmp, 'blobs');

let incidentId: string;

beforeAll(async () => {
  incidentId = (await createIncident({ name: 'source text' })).id;
});

afterAll(async () => {
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

/** The raw texts the parser gives, in record order (redacted as the upload would be). */
async function parsedRaws(bytes: Buffer, name: string, redact: boolean): Promise<string[]> {
  const raws: string[] = [];
  const text = redact ? { redactor: createStreamRedactor(), out: () => undefined } : undefined;
  for await (const chunk of readEvidence(Readable.from([bytes]), { sourceName: name, text })) if (chunk.kind === 'batch') raws.push(...chunk.events.map((e) => e.raw));
  return raws;
}

interface Stored {
  sourceId: string;
  raws: string[];
  /** Events whose text is a pointer, not a copy. */
  pointers: number;
}

async function stored(sourceId: string): Promise<Stored> {
  const { prisma } = await getDb();
  const rows = await prisma.event.findMany({ where: (await eventOwner(prisma, sourceId))!, select: EVENT_SELECT, orderBy: { seq: 'asc' } });
  const pointers = rows.filter((r) => r.raw === null).length;
  return { sourceId, raws: withRawTexts(rows.map((r) => ({ ...r, sourceId }))).map((r) => r.raw), pointers };
}

async function upload(name: string, bytes: Buffer, redact = true): Promise<Stored> {
  const result = await ingestUpload({ incidentId, name, body: Readable.from([bytes]), redact });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  expect(existsSync(parsedTextPath(result.source.id))).toBe(false);
  return stored(result.source.id);
}

const CORPUS_DIRS = ['logs', 'har', 'otlp', 'jaeger', 'zipkin', 'correlated/nezha-onlineboutique-2022-08-22', 'correlated/nezha-trainticket-2023-01-29'];
const corpusFiles = CORPUS_DIRS.flatMap((dir) => listCorpusDir(dir));

describe('raw text read from the source text', () => {
  it.each(corpusFiles)('%s: every event reads back its parsed raw text', async (file) => {
    const bytes = readFileSync(path.join(CORPUS_DIR, file));
    const name = path.basename(file);
    const expected = await parsedRaws(bytes, name, true);
    const got = await upload(name, bytes);
    expect(got.raws).toEqual(expected);
  });

  it('stores the lines of a JSON-lines file as pointers, and serves them through the events API', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ ts: `2026-11-20T10:00:${String(i).padStart(2, '0')}Z`, msg: `step ${i} ✓`, request_id: 'req-1' }));
    const got = await upload('api.jsonl', Buffer.from(`${lines.join('\n')}\n`));
    expect(got.pointers).toBe(50);
    expect(got.raws).toEqual(lines);
    expect(existsSync(sourceTextPath(got.sourceId))).toBe(false);
    const page = await listEvents({ incidentId, request: 'req-1', limit: 100 });
    expect(page.events.map((e) => e.raw)).toEqual(lines);
  });

  /**
   * 6,000 records over several of the parser's 64 KiB pieces and batches, every third with two
   * continuation lines and every seventh with a secret: each record is made into its row as it is
   * parsed, and its lines must be in the text by then.
   */
  const bigLog = (): Buffer => {
    const records = Array.from({ length: 6000 }, (_, i) => {
      const time = new Date(Date.UTC(2026, 10, 20, 10) + i * 10).toISOString().replace('T', ' ').replace('Z', '');
      const head = `${time} ${i % 3 === 0 ? 'ERROR' : 'INFO'} request ${i}${i % 7 === 0 ? ` password=secret${i}` : ''} done`;
      return i % 3 === 0 ? `${head}\n  at handler${i} (app.js:${i})\n  at main (app.js:1)` : head;
    });
    return Buffer.from(`${records.join('\n')}\n`);
  };

  // `pointers`: the events stored as pointers; the others keep a copy of their text (a record of
  // several CRLF lines is not its bytes once joined with \n).
  const cases: Array<{ name: string; bytes: Buffer; redact?: boolean; keepsText: boolean; pointers: number }> = [
    { name: 'crlf-stack.log', bytes: Buffer.from('2026-11-20 10:00:00 ERROR boom\r\n  at a()\r\n  at b()\r\n2026-11-20 10:00:01 INFO ok\r\n'), keepsText: false, pointers: 1 },
    { name: 'bom.jsonl', bytes: Buffer.from('\uFEFF{"msg":"first"}\n{"msg":"second"}\n'), keepsText: false, pointers: 2 },
    { name: 'packed.jsonl.gz', bytes: gzipSync('{"msg":"a"}\n{"msg":"b ✓"}\n'), keepsText: true, pointers: 2 },
    { name: 'latin1.jsonl', bytes: Buffer.concat([Buffer.from('{"msg":"caf'), Buffer.from([0xe9]), Buffer.from(' ok"}\n{"msg":"next"}\n')]), keepsText: true, pointers: 2 },
    { name: 'secret.log', bytes: Buffer.from('2026-11-20 10:00:00 INFO login password=hunter2 ok\n2026-11-20 10:00:01 INFO next\n'), keepsText: false, pointers: 2 },
    { name: 'unredacted.log', bytes: Buffer.from('2026-11-20 10:00:00 INFO login password=hunter2 ok\n'), redact: false, keepsText: false, pointers: 1 },
    { name: 'unredacted.jsonl.gz', bytes: gzipSync('{"msg":"x"}\n'), redact: false, keepsText: true, pointers: 1 },
    { name: 'big-stack.log', bytes: bigLog(), keepsText: false, pointers: 6000 },
  ];

  it.each(cases)('$name: reads back its parsed text, after the upload and after a re-parse', async ({ name, bytes, redact = true, keepsText, pointers }) => {
    const expected = await parsedRaws(bytes, name, redact);
    const got = await upload(name, bytes, redact);
    expect(got.raws).toEqual(expected);
    expect(got.pointers).toBe(pointers);
    // The text is kept beside the blob only when the blob is not that text.
    expect(existsSync(sourceTextPath(got.sourceId))).toBe(keepsText);
    if (name === 'secret.log') expect(readFileSync(blobPath(got.sourceId), 'utf8')).not.toContain('hunter2');
    if (name === 'big-stack.log') expect(got.raws.filter((raw) => raw.includes('[REDACTED]'))).toHaveLength(Math.ceil(6000 / 7));

    const again = await reparseSource(got.sourceId);
    expect(again.ok).toBe(true);
    expect((await stored(got.sourceId)).raws).toEqual(expected);
    expect(existsSync(parsedTextPath(got.sourceId))).toBe(false);
    expect(existsSync(sourceTextPath(got.sourceId))).toBe(keepsText);
  });

  it('keeps the text of an unparsed line in its row, where a search finds it', async () => {
    const got = await upload('mixed.jsonl', Buffer.from('{"msg":"fine","request_id":"req-mixed"}\nnot json at all: ORDER-4711 failed\n'));
    expect(got.pointers).toBe(1);
    const page = await listEvents({ incidentId, q: 'order-4711', limit: 10 });
    expect(page.events.map((e) => [e.unparsed, e.raw])).toEqual([[true, 'not json at all: ORDER-4711 failed']]);
  });

  it('names the source when its text is gone, instead of failing the page', async () => {
    const got = await upload('gone.jsonl', Buffer.from('{"msg":"a","request_id":"req-gone"}\n'));
    rmSync(blobPath(got.sourceId));
    const page = await listEvents({ incidentId, request: 'req-gone', limit: 10 });
    expect(page.events.map((e) => e.raw)).toEqual([`[the text of this record is not readable: the stored text of source ${got.sourceId} is missing]`]);
  });
});
