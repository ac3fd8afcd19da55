/**
 * Step (c) of ingest: parse a stored blob (on a worker thread, parse-source-rows.ts), write its
 * events and diagnostics, keep the source's progress current, build its request keys, and
 * return the totals. The caller decides what success or failure means for the source's status.
 *
 * Events are written in transactions of about TRANSACTION_ROWS rows: large enough that commits
 * cost little, small enough that other queries wait at most a few hundred milliseconds for the
 * connection and memory stays bounded. They stay invisible until the source is `ready`
 * (queries filter on it), so the transaction size is free to choose.
 */
import type { Diagnostic } from '@/lib/domain/event';
import type { SourceTotals } from '@/lib/domain/ingest/source-summary';
import { blobPath } from '../blob-store';
import { insertEventRows } from '../db/bulk-insert';
import type { Db } from '../db/client';
import { buildEventKeys } from '../db/event-keys';
import type { EventOwner, EventRowBatch } from '../db/event-row';
import { DiagnosticBudget } from './diagnostic-budget';
import { parseSourceRows } from './parse-source-rows';

/** Rows per write transaction (ten parse batches). */
export const TRANSACTION_ROWS = 50_000;

export interface ParseTarget extends EventOwner {
  name: string;
  /** When the source was uploaded (ms since the epoch): year-less timestamps are dated by it. */
  uploadedAtMs: number;
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

export async function parseStoredSource(db: Db, target: ParseTarget, signal?: AbortSignal): Promise<SourceTotals> {
  const budget = new DiagnosticBudget();
  const { prisma } = db;
  const owner: EventOwner = { incidentId: target.incidentId, sourceId: target.sourceId, position: target.position };
  let pending: EventRowBatch = { values: [], count: 0 };
  let diagnostics: Diagnostic[] = [];
  let parsedBytes = 0;
  let written = 0;
  let totals: SourceTotals | null = null;

  const flush = async (): Promise<void> => {
    await insertEventRows(db, owner, pending);
    written += pending.count;
    pending = { values: [], count: 0 };
    await storeDiagnostics(db, target.sourceId, budget.admit(diagnostics));
    diagnostics = [];
    await prisma.source.update({ where: { id: target.sourceId }, data: { parsedBytes, eventCount: written } });
  };

  const rows = parseSourceRows(blobPath(target.sourceId), {
    sourceName: target.name,
    signal,
    referenceTimeMs: target.uploadedAtMs,
    referenceTimeLabel: 'when the file was uploaded',
  });
  for await (const chunk of rows) {
    if (chunk.kind === 'format') {
      await prisma.source.update({ where: { id: target.sourceId }, data: { format: chunk.format } });
    } else if (chunk.kind === 'rows') {
      // One batch is taken over as is; later ones are appended (no copy of the first).
      if (pending.count === 0) pending = chunk.batch;
      else for (const v of chunk.batch.values) pending.values.push(v);
      if (pending !== chunk.batch) pending.count += chunk.batch.count;
      if (chunk.diagnostics.length > 0) diagnostics = diagnostics.concat(chunk.diagnostics);
      parsedBytes = chunk.parsedBytes;
      if (pending.count >= TRANSACTION_ROWS) await flush();
    } else {
      totals = chunk.totals;
    }
  }
  if (totals === null) throw new Error(`${target.name}: parsing ended without totals`);
  await flush();
  const overflow = budget.overflow();
  if (overflow) await storeDiagnostics(db, target.sourceId, [overflow]);
  await buildEventKeys(db, target.sourceId);
  return totals;
}
