/**
 * readEvidence, turned into what the writer stores: event rows as flat batches (event-row.ts),
 * the diagnostics, progress, and at the end the source's totals. The same code runs in the parse
 * worker (parse-worker.ts) and, where no worker can be started, inline (parse-source-rows.ts),
 * so both paths store exactly the same rows.
 */
import type { Diagnostic } from '@/lib/domain/event';
import { SourceSummary, type SourceTotals } from '@/lib/domain/ingest/source-summary';
import type { FormatId } from '@/lib/domain/parse';
import { type EventRowBatch, type EventRowValue, pushEventRow } from '../db/event-row';
import { readEvidence, type ReadEvidenceOptions } from './read-evidence';

export type RowChunk =
  | { kind: 'format'; format: FormatId }
  | { kind: 'rows'; batch: EventRowBatch; diagnostics: Diagnostic[]; parsedBytes: number }
  | { kind: 'done'; totals: SourceTotals };

/** The options that can cross to a worker thread (no AbortSignal: the caller stops the worker). */
export type RowOptions = Omit<ReadEvidenceOptions, 'signal'>;

export async function* evidenceRows(bytes: AsyncIterable<Uint8Array>, options: ReadEvidenceOptions): AsyncGenerator<RowChunk> {
  const summary = new SourceSummary();
  let seq = 0;
  for await (const chunk of readEvidence(bytes, options)) {
    if (chunk.kind === 'format') {
      yield { kind: 'format', format: chunk.format };
      continue;
    }
    const { events } = chunk;
    const values: EventRowValue[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      pushEventRow(values, event, seq++);
      summary.add(event);
    }
    yield { kind: 'rows', batch: { values, count: events.length }, diagnostics: chunk.diagnostics, parsedBytes: chunk.parsedBytes };
  }
  yield { kind: 'done', totals: summary.totals() };
}
