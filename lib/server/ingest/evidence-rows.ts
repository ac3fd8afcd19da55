/**
 * readEvidence, turned into what the writer stores: event rows as flat batches (event-row.ts),
 * their events per second (the overview's rollup), the diagnostics, progress, and at the end
 * the source's totals. The same code runs in the parse worker (parse-worker.ts) and, where no
 * worker can be started, inline (parse-source-rows.ts), so both paths store exactly the same
 * rows. With `redactTo`, the text is redacted as it is read
 * (read-evidence.ts) and the redacted text written to that file: one pass over the upload.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Diagnostic } from '@/lib/domain/event';
import { SecondCounts } from '@/lib/domain/ingest/second-counts';
import { SourceSummary, type SourceTotals } from '@/lib/domain/ingest/source-summary';
import type { FormatId } from '@/lib/domain/parse';
import type { RedactionCounts } from '@/lib/domain/redact/redaction-counts';
import { createStreamRedactor } from '@/lib/domain/redact/stream-redactor';
import { type EventRowBatch, type EventRowValue, pushEventRow, textChars } from '../db/event-row';
import { readEvidence, type ReadEvidenceOptions, type TextRedaction } from './read-evidence';

export type RowChunk =
  | { kind: 'format'; format: FormatId }
  /** `seconds`: the batch's events per second (SecondCounts' flat form). */
  | { kind: 'rows'; batch: EventRowBatch; seconds: number[]; diagnostics: Diagnostic[]; parsedBytes: number }
  /** `redactions`: what was redacted, when the options asked for redaction. */
  | { kind: 'done'; totals: SourceTotals; redactions: RedactionCounts | null };

/** The options that can cross to a worker thread (no AbortSignal: the caller stops the worker). */
export interface RowOptions extends Omit<ReadEvidenceOptions, 'signal' | 'redaction'> {
  /** Redact while parsing, writing the redacted text (UTF-8) to this file. */
  redactTo?: string;
}

/** writeSync may write part of a buffer: loop until all of it is written. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

export async function* evidenceRows(bytes: AsyncIterable<Uint8Array>, options: RowOptions & Pick<ReadEvidenceOptions, 'signal'>): AsyncGenerator<RowChunk> {
  const { redactTo, ...readOptions } = options;
  const summary = new SourceSummary();
  const seconds = new SecondCounts();
  let seq = 0;
  // Synchronous writes: this runs on the parse worker, and a 1 MiB write to the page cache is
  // cheaper than the promise plumbing a stream would need for backpressure.
  const fd = redactTo === undefined ? null : openSync(redactTo, 'w');
  const redaction: TextRedaction | undefined = fd === null ? undefined : { redactor: createStreamRedactor(), out: (text) => writeAll(fd, text) };
  try {
    for await (const chunk of readEvidence(bytes, { ...readOptions, redaction })) {
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
        seconds.add(event.ts, event.level);
      }
      yield { kind: 'rows', batch: { values, count: events.length, chars: textChars(values) }, seconds: seconds.take(), diagnostics: chunk.diagnostics, parsedBytes: chunk.parsedBytes };
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  yield { kind: 'done', totals: summary.totals(), redactions: redaction ? { ...redaction.redactor.counts } : null };
}
