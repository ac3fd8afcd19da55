/**
 * Step (c) of ingest: read a stored blob, parse it, write its events and diagnostics, keep the
 * source's progress current, and return the totals. The caller decides what success or failure
 * means for the source's status.
 *
 * Events are written in batches, each batch in its own transaction, so the database is never
 * locked for a whole upload; they stay invisible until the source is `ready` (queries filter on it).
 */
import type { Diagnostic } from '@/lib/domain/event';
import { SourceSummary, type SourceTotals } from '@/lib/domain/ingest/source-summary';
import { openBlob } from '../blob-store';
import { insertEventRows } from '../db/bulk-insert';
import type { Db } from '../db/client';
import { type EventOwner, type EventRowValue, eventRowValues } from '../db/event-row';
import { DiagnosticBudget } from './diagnostic-budget';
import { readEvidence } from './read-evidence';

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
  const summary = new SourceSummary();
  const budget = new DiagnosticBudget();
  let written = 0;
  const { prisma } = db;
  const options = {
    sourceName: target.name,
    signal,
    referenceTimeMs: target.uploadedAtMs,
    referenceTimeLabel: 'when the file was uploaded',
  };
  for await (const chunk of readEvidence(openBlob(target.sourceId), options)) {
    if (chunk.kind === 'format') {
      await prisma.source.update({ where: { id: target.sourceId }, data: { format: chunk.format } });
      continue;
    }
    const rows: EventRowValue[][] = new Array(chunk.events.length);
    for (let i = 0; i < chunk.events.length; i++) {
      const event = chunk.events[i]!;
      rows[i] = eventRowValues(event, target, written + i);
      summary.add(event);
    }
    await insertEventRows(db, rows);
    written += rows.length;
    await storeDiagnostics(db, target.sourceId, budget.admit(chunk.diagnostics));
    await prisma.source.update({ where: { id: target.sourceId }, data: { parsedBytes: chunk.parsedBytes, eventCount: written } });
  }
  const overflow = budget.overflow();
  if (overflow) await storeDiagnostics(db, target.sourceId, [overflow]);
  return summary.totals();
}
