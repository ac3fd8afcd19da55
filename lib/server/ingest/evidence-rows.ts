/**
 * readEvidence, turned into what the writer stores: event rows as flat batches (event-row.ts),
 * their events per second (the overview's rollup), the diagnostics, progress, and at the end
 * the source's totals. The same code runs in the parse worker (parse-worker.ts) and, where no
 * worker can be started, inline (parse-source-rows.ts), so both paths store exactly the same
 * rows.
 *
 * With `text`, a record that is a run of whole lines of the text as parsed (decoded, and
 * redacted with `redact`: a log line, a text record with its continuation lines) is stored as
 * (rawOffset, rawLength) into that text instead of as a copy: about half of what a JSON-lines
 * upload writes to the database. The text is the input file itself, or, from where it differs,
 * written to `text.output` (parsed-text-writer.ts); the caller settles where it stays
 * (blob-store.ts settleParsedText).
 */
import type { Diagnostic, EvidenceEvent } from '@/lib/domain/event';
import { SecondCounts } from '@/lib/domain/ingest/second-counts';
import { SourceSummary, type SourceTotals } from '@/lib/domain/ingest/source-summary';
import type { FormatId } from '@/lib/domain/parse';
import { type RedactionCounts, totalRedactions } from '@/lib/domain/redact/redaction-counts';
import { createStreamRedactor } from '@/lib/domain/redact/stream-redactor';
import type { StoredBlob } from '../blob-store';
import { type EventRowBatch, EventRowBatcher } from '../db/event-row';
import { LineOffsets, type TextRange } from './line-offsets';
import { ParsedTextWriter } from './parsed-text-writer';
import { readEvidence, type ReadEvidenceOptions, type TextHandOff } from './read-evidence';

export type RowChunk =
  | { kind: 'format'; format: FormatId }
  /** `batches`: the rows (in order, ROWS_PER_BATCH each); `seconds`: their events per second (SecondCounts' flat form). */
  | { kind: 'rows'; batches: EventRowBatch[]; seconds: number[]; diagnostics: Diagnostic[]; parsedBytes: number }
  /**
   * `redactions`: what was redacted, when the options asked for redaction. `text`: what was
   * written to `text.output`, measured; null when the text was the input's bytes throughout.
   */
  | { kind: 'done'; totals: SourceTotals; redactions: RedactionCounts | null; text: StoredBlob | null };

/** The options that can cross to a worker thread (no AbortSignal: the caller stops the worker; no onEvent: evidenceRows takes the events). */
export interface RowOptions extends Omit<ReadEvidenceOptions, 'signal' | 'text' | 'onEvent'> {
  /** Point rows into the text as parsed (see above): the input file, and where to write it once it differs. */
  text?: { input: string; output: string };
  /** Redact the text before it is parsed (and before it is written: see `text`). */
  redact?: boolean;
}

/** Newlines in `text`: a record of n + 1 lines has n. */
function newlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Where the event's raw text lies in the text written so far, when it is whole lines of it. */
function rawRange(offsets: LineOffsets, event: EvidenceEvent): TextRange | null {
  const { locator, raw } = event;
  // An unparsed record keeps its text in the row: it has nothing else a search could find.
  if (!('line' in locator) || event.unparsed) return null;
  const range = offsets.range(locator.line, newlines(raw));
  // Same byte length as the lines it claims: the parser kept the lines as written (a parser
  // that trims or rebuilds its raw text differs here, and its rows keep their text).
  return range !== null && range.length === Buffer.byteLength(raw) ? range : null;
}

export async function* evidenceRows(bytes: AsyncIterable<Uint8Array>, options: RowOptions & Pick<ReadEvidenceOptions, 'signal'>): AsyncGenerator<RowChunk> {
  const { text: sourceText, redact = false, ...readOptions } = options;
  const summary = new SourceSummary();
  const seconds = new SecondCounts();
  const rows = new EventRowBatcher();
  let seq = 0;
  const redactor = redact ? createStreamRedactor() : null;
  const offsets = sourceText === undefined ? null : new LineOffsets();
  // Synchronous writes: this runs on the parse worker, and a 64 KiB write to the page cache is
  // cheaper than the promise plumbing a stream would need for backpressure.
  const writer =
    sourceText === undefined || offsets === null
      ? null
      : new ParsedTextWriter(sourceText.input, sourceText.output, offsets, () => redactor !== null && totalRedactions(redactor.counts) > 0);
  const handOff: TextHandOff | undefined = writer === null && redactor === null ? undefined : { redactor, out: (text) => writer?.write(text) };
  // Each event becomes its row as it is parsed, and is dropped (readEvidence's onEvent). Its
  // lines were handed to the writer before they were parsed, so `offsets` holds them.
  let last: EvidenceEvent | undefined;
  const onEvent = (event: EvidenceEvent): void => {
    rows.add(event, seq++, offsets === null ? null : rawRange(offsets, event));
    summary.add(event);
    seconds.add(event.ts, event.level);
    last = event;
  };
  try {
    for await (const chunk of readEvidence(bytes, { ...readOptions, text: handOff, onEvent })) {
      if (chunk.kind === 'format') {
        yield { kind: 'format', format: chunk.format };
        continue;
      }
      // Later records start at or after the last one's line; without line-located records
      // (spans of OTLP written a document per line) only the line being read is still needed.
      if (offsets !== null) offsets.discardBefore(last !== undefined && 'line' in last.locator ? last.locator.line : offsets.lastLine);
      last = undefined;
      yield { kind: 'rows', batches: rows.take(), seconds: seconds.take(), diagnostics: chunk.diagnostics, parsedBytes: chunk.parsedBytes };
    }
  } finally {
    writer?.close();
  }
  yield { kind: 'done', totals: summary.totals(), redactions: redactor ? { ...redactor.counts } : null, text: writer?.text ?? null };
}
