/**
 * Step (c) of ingest: parse a stored blob (on a worker thread, parse-source-rows.ts, unless it
 * is small: INLINE_PARSE_BYTES), write its events and diagnostics, keep the source's progress
 * current, build its request keys, refresh the planner's statistics where the engine needs them
 * (Dialect.afterBulkLoadSql), and return the totals. The caller decides what success or failure
 * means for the source's status.
 *
 * Events are written in transactions of about TRANSACTION_ROWS rows: large enough that commits
 * cost little, small enough that other queries wait at most a few hundred milliseconds for the
 * connection and memory stays bounded. The first parse batch (FIRST_EVENT_BATCH events or more,
 * read-evidence.ts) is committed alone, so the first events (and their events per second, the
 * overview's rollup) can be shown well within a second of the bytes arriving, while the rest is
 * written (the events listing shows a `parsing` source's committed events; the analysis waits
 * for `ready`).
 */
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '@/lib/domain/event';
import { SecondCounts } from '@/lib/domain/ingest/second-counts';
import type { SourceTotals } from '@/lib/domain/ingest/source-summary';
import type { RedactionCounts } from '@/lib/domain/redact/redaction-counts';
import { blobPath, parsedTextPath, pendingBlobPath, type StoredBlob } from '../blob-store';
import { insertEventRows } from '../db/bulk-insert';
import { addEventSeconds } from '../db/event-seconds';
import type { Db } from '../db/client';
import { buildEventKeys } from '../db/event-keys';
import { requireIncidentNumber } from '../db/incident-number';
import { columnNames, type EventOwner, type EventRowBatch } from '../db/event-row';
import { DiagnosticBudget } from './diagnostic-budget';
import { discardSourceData } from './discard-source-data';
import type { RowChunk } from './evidence-rows';
import { isWorkerOutOfMemory, parseSourceRows } from './parse-source-rows';

/** Rows per write transaction (ten parse batches): 50,000 was no faster and held more memory. */
export const TRANSACTION_ROWS = 20_000;
/**
 * ...or fewer when the rows are fat (HAR entries with their bodies, spans): about 8M characters
 * of text a transaction, what 20,000 JSON-lines rows weigh. 20,000 HAR rows held ~30M and raised
 * a 100 MB HAR's peak RSS from 653 to 726 MB, at the same speed.
 */
export const TRANSACTION_CHARS = 8_000_000;

/**
 * Uploads up to this size parse on the main thread: starting the parse worker took ~300 ms here
 * (from source; a bundled worker starts faster), parsing 256 KiB of JSON lines inline 11 ms
 * (1,077 lines; a gzip upload this size may hold ten times as much: ~0.1 s). Larger ones go to
 * the worker, so a big parse never holds the event loop. Both give the same rows
 * (parse-source-rows.test.ts).
 */
export const INLINE_PARSE_BYTES = 256 * 1024;

export interface ParseTarget {
  incidentId: string;
  sourceId: string;
  /** Source.position. */
  position: number;
  name: string;
  /** When the source was uploaded (ms since the epoch): year-less timestamps are dated by it. */
  uploadedAtMs: number;
  /** Parse the pending upload and redact it on the way (blob-store.ts). */
  redact?: boolean;
}

export interface ParsedSource {
  totals: SourceTotals;
  /** What was redacted (when `redact` was asked). */
  redactions: RedactionCounts | null;
  /** The text written where it differed from the upload (blob-store.ts parsedTextPath), measured; null: none was. */
  text: StoredBlob | null;
}

async function storeDiagnostics(db: Db, sourceId: string, diagnostics: Diagnostic[]): Promise<void> {
  if (diagnostics.length === 0) return;
  await db.prisma.diagnostic.createMany({
    data: diagnostics.map(({ locator, code, message }) => ({
      sourceId,
      line: locator && 'line' in locator ? locator.line : null,
      idx: locator && 'index' in locator ? locator.index : null,
      spanId: locator && 'spanId' in locator ? locator.spanId : null,
      code,
      message,
    })),
  });
}

/** What names the target's source in its events' rows (../db/event-owner.ts). */
async function ownerOf(db: Db, target: ParseTarget): Promise<EventOwner> {
  return { incidentNumber: await requireIncidentNumber(db.prisma, target.incidentId), position: target.position };
}

/** Writes one parse of the blob as `owner`'s events, and the columns they fill; returns its totals. */
async function storeRows(db: Db, target: ParseTarget, owner: EventOwner, rows: AsyncIterable<RowChunk>): Promise<ParsedSource> {
  const budget = new DiagnosticBudget();
  const { prisma } = db;
  let pending: EventRowBatch[] = [];
  const seconds = new SecondCounts();
  let pendingRows = 0;
  let pendingChars = 0;
  let diagnostics: Diagnostic[] = [];
  let parsedBytes = 0;
  let written = 0;
  // The columns any row holds a value in (EventRowBatch.columns, OR'ed).
  let filled = 0;
  let done: ParsedSource | null = null;

  const flush = async (): Promise<void> => {
    await insertEventRows(db, owner, pending);
    await addEventSeconds(db, target.sourceId, seconds.take());
    written += pendingRows;
    pending = [];
    pendingRows = 0;
    pendingChars = 0;
    await storeDiagnostics(db, target.sourceId, budget.admit(diagnostics));
    diagnostics = [];
    await prisma.source.update({ where: { id: target.sourceId }, data: { parsedBytes, eventCount: written } });
  };

  for await (const chunk of rows) {
    if (chunk.kind === 'format') {
      await prisma.source.update({ where: { id: target.sourceId }, data: { format: chunk.format } });
    } else if (chunk.kind === 'rows') {
      for (const batch of chunk.batches) {
        pending.push(batch);
        filled |= batch.columns;
        pendingRows += batch.count;
        pendingChars += batch.chars;
      }
      seconds.addFlat(chunk.seconds);
      if (chunk.diagnostics.length > 0) diagnostics = diagnostics.concat(chunk.diagnostics);
      parsedBytes = chunk.parsedBytes;
      if (pendingRows >= TRANSACTION_ROWS || pendingChars >= TRANSACTION_CHARS || written === 0) await flush();
    } else {
      done = { totals: chunk.totals, redactions: chunk.redactions, text: chunk.text };
    }
  }
  if (done === null) throw new Error(`${target.name}: parsing ended without totals`);
  await flush();
  const overflow = budget.overflow();
  if (overflow) await storeDiagnostics(db, target.sourceId, [overflow]);
  // The analysis load reads only these (lib/server/queries/source-event-columns.ts, sourceEventLayout).
  await prisma.source.update({ where: { id: target.sourceId }, data: { filledColumns: JSON.stringify(columnNames(filled)) } });
  return done;
}

/**
 * Parses the stored upload into events; where its text differs from the upload, the text is
 * written as parsedTextPath (evidence-rows.ts). The caller settles that text (blob-store.ts
 * settleParsedText) once the parse succeeded; after a failure, settle-source.ts removes it once
 * the events that point into it are gone.
 */
export async function parseStoredSource(db: Db, target: ParseTarget, signal?: AbortSignal): Promise<ParsedSource> {
  const options = {
    sourceName: target.name,
    signal,
    referenceTimeMs: target.uploadedAtMs,
    referenceTimeLabel: 'when the file was uploaded',
    redact: target.redact === true,
  };
  const file = target.redact ? pendingBlobPath(target.sourceId) : blobPath(target.sourceId);
  const worker = (await stat(file)).size > INLINE_PARSE_BYTES;
  const rowOptions = { ...options, text: { input: file, output: parsedTextPath(target.sourceId) }, worker };
  const owner = await ownerOf(db, target);
  let parsed: ParsedSource;
  try {
    parsed = await storeRows(db, target, owner, parseSourceRows(file, rowOptions));
  } catch (error) {
    if (!isWorkerOutOfMemory(error)) throw error;
    // A format that holds a whole document outgrew the worker's heap: start again on this thread.
    console.warn(`[witness] ${target.name}: the parse worker ran out of memory; parsing again on the main thread`);
    await discardSourceData(db.prisma, db.dialect, target.sourceId);
    parsed = await storeRows(db, target, owner, parseSourceRows(file, { ...rowOptions, worker: false }));
  }
  await buildEventKeys(db, owner);
  for (const sql of db.dialect.afterBulkLoadSql) await db.prisma.$executeRawUnsafe(sql);
  return parsed;
}
