/**
 * The contract every format parser implements.
 *
 * Parsers are incremental: they receive decoded text in chunks of any size (a chunk may end in
 * the middle of a line or of a JSON value) and emit events as soon as records are complete, so
 * a 1 GB file never has to be in memory at once. A parser never throws for bad input: a record
 * it cannot read becomes an `unparsed` event plus a diagnostic, and parsing goes on.
 * It may throw a FormatError from `end()` only when the whole input is unusable (for example a
 * HAR file that is not JSON at all); the pipeline turns that into the source's error.
 */
import type { Diagnostic, EvidenceEvent } from '../event';
import type { FormatId } from './formats';

export interface ParseSink {
  event(event: EvidenceEvent): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface ParseContext {
  /** The source's name (file base name): the service of events that name none. */
  sourceName: string;
  /**
   * When the evidence was written, at the latest, as the caller knows it (ms since the epoch):
   * the upload's time, a file's modification time. Year-less timestamps (RFC 3164 syslog) take
   * the most recent year that puts them at or before this time + 1 day. Absent: they get no ts.
   * lib/domain cannot read the clock, so the caller passes it.
   */
  referenceTimeMs?: number;
  /** What referenceTimeMs is, for diagnostics: "when the file was uploaded". */
  referenceTimeLabel?: string;
}

export interface IncrementalParser {
  /** Feed decoded text; the first chunk has its UTF-8 BOM already removed. */
  write(chunk: string): void;
  /** No more input: flush the last record (a missing final newline is normal). */
  end(): void;
}

export type ParserFactory = (sink: ParseSink, context: ParseContext) => IncrementalParser;

/** The input as a whole cannot be read as the format it claims to be. */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly format: FormatId | null,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}
