/**
 * readEvidence, turned into what the writer stores: event rows as flat batches (event-row.ts),
 * their events per second (the overview's rollup), the diagnostics, progress, and at the end
 * the source's totals. The same code runs in the parse worker (parse-worker.ts) and, where no
 * worker can be started, inline (parse-source-rows.ts), so both paths store exactly the same
 * rows.
 *
 * With `textTo`, the text as parsed (decoded, and redacted with `redact`) is written to that
 * file in the same pass, and a record that is a run of whole lines of it (a log line, a text
 * record with its continuation lines) is stored as (rawOffset, rawLength) into that text
 * instead of as a copy: about half of what a JSON-lines upload writes to the database. The
 * caller keeps the file as the source's text, or finds it byte-identical to the upload
 * (`textIsInput`) and reads the upload instead (blob-store.ts settleParsedText).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Diagnostic, EvidenceEvent } from '@/lib/domain/event';
import { SecondCounts } from '@/lib/domain/ingest/second-counts';
import { SourceSummary, type SourceTotals } from '@/lib/domain/ingest/source-summary';
import type { FormatId } from '@/lib/domain/parse';
import type { RedactionCounts } from '@/lib/domain/redact/redaction-counts';
import { createStreamRedactor } from '@/lib/domain/redact/stream-redactor';
import { type EventRowBatch, type EventRowValue, pushEventRow, textChars } from '../db/event-row';
import { LineOffsets, type TextRange } from './line-offsets';
import { readEvidence, type ReadEvidenceOptions, type TextHandOff } from './read-evidence';

export type RowChunk =
  | { kind: 'format'; format: FormatId }
  /** `seconds`: the batch's events per second (SecondCounts' flat form). */
  | { kind: 'rows'; batch: EventRowBatch; seconds: number[]; diagnostics: Diagnostic[]; parsedBytes: number }
  /**
   * `redactions`: what was redacted, when the options asked for redaction. `textIsInput`: the
   * text written to `textTo` is the input's bytes exactly, if nothing was redacted (the input
   * was neither compressed nor had bytes that are not UTF-8).
   */
  | { kind: 'done'; totals: SourceTotals; redactions: RedactionCounts | null; textIsInput: boolean };

/** The options that can cross to a worker thread (no AbortSignal: the caller stops the worker). */
export interface RowOptions extends Omit<ReadEvidenceOptions, 'signal' | 'text'> {
  /** Write the text as parsed (UTF-8) to this file, and point rows into it (see above). */
  textTo?: string;
  /** Redact the text before parsing it (and before writing it to `textTo`). */
  redact?: boolean;
}

/** writeSync may write part of a buffer: loop until all of it is written. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

const REPLACEMENT_CHAR = '\uFFFD';

/** Newlines in `text`: a record of n + 1 lines has n. */
function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Where the event's raw text lies in the text written so far, when it is whole lines of it. */
function rawRange(offsets: LineOffsets, event: EvidenceEvent): TextRange | null {
  const { locator, raw } = event;
  if (!('line' in locator)) return null;
  const range = offsets.range(locator.line, newlines(raw));
  // Same byte length as the lines it claims: the parser kept the lines as written (a parser
  // that trims or rebuilds its raw text differs here, and its rows keep their text).
  return range !== null && range.length === Buffer.byteLength(raw) ? range : null;
}

export async function* evidenceRows(bytes: AsyncIterable<Uint8Array>, options: RowOptions & Pick<ReadEvidenceOptions, 'signal'>): AsyncGenerator<RowChunk> {
  const { textTo, redact = false, ...readOptions } = options;
  const summary = new SourceSummary();
  const seconds = new SecondCounts();
  let seq = 0;
  let compressed = false;
  let replaced = false;
  // Synchronous writes: this runs on the parse worker, and a 1 MiB write to the page cache is
  // cheaper than the promise plumbing a stream would need for backpressure.
  const fd = textTo === undefined ? null : openSync(textTo, 'w');
  const offsets = fd === null ? null : new LineOffsets();
  const out = (text: string): void => {
    if (fd === null || offsets === null) return;
    writeAll(fd, text);
    offsets.write(text);
    if (!replaced && text.includes(REPLACEMENT_CHAR)) replaced = true;
  };
  const redactor = redact ? createStreamRedactor() : null;
  const text: TextHandOff | undefined = fd === null && redactor === null ? undefined : { redactor, out };
  try {
    for await (const chunk of readEvidence(bytes, { ...readOptions, text })) {
      if (chunk.kind === 'format') {
        compressed = chunk.compressed;
        yield { kind: 'format', format: chunk.format };
        continue;
      }
      const { events } = chunk;
      const values: EventRowValue[] = [];
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        pushEventRow(values, event, seq++, offsets === null ? null : rawRange(offsets, event));
        summary.add(event);
        seconds.add(event.ts, event.level);
      }
      const last = events[events.length - 1];
      if (offsets !== null && last !== undefined && 'line' in last.locator) offsets.discardBefore(last.locator.line);
      yield { kind: 'rows', batch: { values, count: events.length, chars: textChars(values) }, seconds: seconds.take(), diagnostics: chunk.diagnostics, parsedBytes: chunk.parsedBytes };
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  // U+FFFD in the text: bytes that were not UTF-8 were replaced (or the file holds the character
  // itself; either way the text is not known to be the input's bytes).
  yield { kind: 'done', totals: summary.totals(), redactions: redactor ? { ...redactor.counts } : null, textIsInput: !compressed && !replaced };
}
