/**
 * Evidence bytes -> normalized events, without storage: the part of ingest that the API, the UI
 * upload and the CLI share.
 *
 * bytes (any chunking) -> gunzip if the gzip magic is there -> streaming UTF-8 decode (a
 * multi-byte character split across chunks survives; a BOM is removed, with a `bom`
 * diagnostic in the first batch) -> the first
 * DETECT_HEAD_CHARS characters pick the format -> that format's incremental parser -> events
 * and diagnostics, yielded in batches of about `batchSize` so a caller can store them while
 * the next bytes are read (or each event handed to `onEvent` as it is made). Memory stays
 * bounded by one chunk plus one batch.
 *
 * With `text`, the decoded text (through its stream redactor first, when it has one) is handed
 * to its `out` as it is produced, the BOM included: the parser and whoever stores that text see
 * exactly the same characters, in one pass over the file.
 *
 * Input that cannot be evidence at all (empty, binary, unknown format, unusable as its format)
 * throws UnprocessableEvidenceError naming the source; bad records never throw (they are
 * `unparsed` events).
 */
import type { Diagnostic, EvidenceEvent } from '@/lib/domain/event';
import { DETECT_HEAD_CHARS, detectFormat, type FormatId, FormatError, type IncrementalParser, parserFor } from '@/lib/domain/parse';
import { BOM_CHAR, byteOrderMarkDiagnostic } from '@/lib/domain/parse/byte-order-mark';
import type { StreamRedactor } from '@/lib/domain/redact/stream-redactor';
import { UnprocessableEvidenceError, UploadInterruptedError } from '../errors';
import { decompressIfGzip } from './decompress';
import { binaryReason } from './sniff-binary';

/**
 * Events a batch holds (the parse worker posts one a message). The parse worker builds a batch's
 * rows while it parses the next lines, so the rows of a batch of 5,000 lived through a scavenge
 * or two (5,000 JSON lines allocate about as much as the worker's 16 MB semi-space) and were
 * promoted; 2,000 mostly die young. 1M JSON lines, six alternated pairs: the worker's
 * collections 0.25-0.47 s against 0.96-1.29 s (2 full collections against 31-32), the ingest
 * 8.9-11.6 s against 9.6-10.7 s (faster in five), peak RSS 312-377 against 326-366 MB; 1,000
 * was no better than 2,000.
 */
export const DEFAULT_EVENT_BATCH = 2000;
/**
 * A batch also goes out once this many bytes were read into it, whatever its event count. A HAR
 * entry's row keeps the entry's text, so 5,000 entries made batches of megabytes each, which the
 * writer held WORKER_CREDITS deep and promoted to its old generation (the 600 MB HAR peaked at
 * 527-627 MB RSS against its 600 MB bound, 471-507 MB with this). JSON lines (2,000 of them are
 * about 0.5 MB) and logfmt never reach it.
 */
export const DEFAULT_BATCH_BYTES = 2 * 1024 * 1024;
/**
 * The first batch goes out as soon as it holds this many events (so after the first chunk read,
 * not the second): the caller commits it alone and the first view shows it (1M JSON lines: its
 * first batch held 8,611 events, two chunks' worth, before this).
 */
export const FIRST_EVENT_BATCH = 1000;

/**
 * A chunk is decoded, redacted and parsed this many bytes at a time. A string over V8's largest
 * ordinary object (~128 KiB) gets fresh pages of its own, and on this machine each page touched
 * for the first time costs 11-26 us (`npm run bench`'s calibration rows): decoding 1 MiB at
 * once took 7 ms (266 page faults), the same bytes in 64 KiB pieces 0.22 ms, and every 1 MiB
 * string made from it again (the redactor's output joined to the line it held: ~6 ms each)
 * paid the same.
 */
export const DECODE_PIECE_BYTES = 64 * 1024;

export type EvidenceChunk =
  | { kind: 'format'; format: FormatId; reason: string; compressed: boolean }
  /** `events`: the batch's events, or none when `onEvent` took them; `count`: how many it had. */
  | { kind: 'batch'; events: EvidenceEvent[]; count: number; diagnostics: Diagnostic[]; parsedBytes: number };

export interface ReadEvidenceOptions {
  sourceName: string;
  batchSize?: number;
  signal?: AbortSignal;
  /**
   * When the evidence was written at the latest (ms since the epoch): the upload's time, a
   * file's modification time. Year-less timestamps are dated by it (ParseContext).
   */
  referenceTimeMs?: number;
  /** What referenceTimeMs is, for diagnostics: "when the file was uploaded". */
  referenceTimeLabel?: string;
  /** Hand the text on as it is parsed, redacted first when it has a redactor (see above). */
  text?: TextHandOff;
  /**
   * Takes each event as its parser makes it, instead of the batch (whose `events` is then
   * empty): an event the caller is done with at once dies in V8's young generation, where the
   * events held for a batch were copied by every scavenge they lived through (evidence-rows.ts:
   * 1M JSON lines ingested in 9.8-12.7 s against 10.4-14.2 s, six alternated pairs).
   */
  onEvent?: (event: EvidenceEvent) => void;
}

export interface TextHandOff {
  redactor: StreamRedactor | null;
  /** Receives the text as parsed, in order, once each piece is final. */
  out: (text: string) => void;
}

export async function* readEvidence(bytes: AsyncIterable<Uint8Array>, options: ReadEvidenceOptions): AsyncGenerator<EvidenceChunk> {
  const { sourceName: name, batchSize = DEFAULT_EVENT_BATCH, signal, referenceTimeMs, referenceTimeLabel, text: handOff, onEvent } = options;
  const { compressed, chunks } = await decompressIfGzip(bytes);
  // Non-fatal: invalid sequences become U+FFFD (kept in `raw`) instead of failing the file.
  // ignoreBOM true passes a leading BOM on as U+FEFF, so it can be removed here and reported.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let bomChecked = false;
  let events: EvidenceEvent[] = [];
  /** Events in the batch so far (taken by onEvent or in `events`). */
  let count = 0;
  let diagnostics: Diagnostic[] = [];
  const take = onEvent ?? ((e: EvidenceEvent) => void events.push(e));
  const sink = {
    event: (e: EvidenceEvent) => {
      count++;
      take(e);
    },
    diagnostic: (d: Diagnostic) => void diagnostics.push(d),
  };
  let parser: IncrementalParser | null = null;
  let head = '';
  let parsedBytes = 0;
  let sniffed = false;

  const startParser = (): EvidenceChunk => {
    const detection = detectFormat(head);
    if (detection.format === null) {
      throw new UnprocessableEvidenceError(`${name}: format not recognized; tried ${detection.tried.join(', ')}`);
    }
    parser = parserFor(detection.format)(sink, { sourceName: name, referenceTimeMs, referenceTimeLabel });
    return { kind: 'format', format: detection.format, reason: detection.reason, compressed };
  };
  const feed = (text: string): void => {
    try {
      parser?.write(text);
    } catch (error) {
      throw asEvidenceError(error, name);
    }
  };
  /** The first decoded text starts with the first character: a BOM there is removed and said. */
  const withoutBom = (text: string): string => {
    if (bomChecked || text.length === 0) return text;
    bomChecked = true;
    if (text.charCodeAt(0) !== BOM_CHAR) return text;
    diagnostics.push(byteOrderMarkDiagnostic());
    handOff?.out(text[0] as string);
    return text.slice(1);
  };
  /** Text that is final (redacted when asked): handed on to whoever stores it, then parsed. */
  const handOn = (out: string): string => {
    if (out !== '') handOff?.out(out);
    return out;
  };
  const redactor = handOff?.redactor ?? null;
  const redacted = (text: string): string => handOn(redactor ? redactor.write(text) : text);
  const redactedRest = (): string => (redactor ? handOn(redactor.end()) : '');
  let firstTaken = false;
  let batchStartBytes = 0;
  const takeBatch = (): EvidenceChunk => {
    firstTaken = true;
    batchStartBytes = parsedBytes;
    const batch: EvidenceChunk = { kind: 'batch', events, count, diagnostics, parsedBytes };
    events = [];
    count = 0;
    diagnostics = [];
    return batch;
  };

  try {
    for await (const chunk of chunks) {
      if (signal?.aborted) throw new UploadInterruptedError(`${name}: ingest aborted`, { cause: signal.reason });
      if (!sniffed) {
        sniffed = true;
        const reason = binaryReason(chunk);
        if (reason) throw new UnprocessableEvidenceError(`${name} is a binary file (${reason}), not text evidence: nothing to ingest`);
      }
      parsedBytes += chunk.length;
      for (let at = 0; at < chunk.length; at += DECODE_PIECE_BYTES) {
        const text = redacted(withoutBom(decoder.decode(chunk.subarray(at, at + DECODE_PIECE_BYTES), { stream: true })));
        if (parser === null) {
          head += text;
          if (head.length < DETECT_HEAD_CHARS) continue;
          yield startParser();
          const buffered = head;
          head = '';
          feed(buffered);
        } else {
          feed(text);
        }
      }
      const full = count >= (firstTaken ? batchSize : Math.min(batchSize, FIRST_EVENT_BATCH));
      if (full || (count > 0 && parsedBytes - batchStartBytes >= DEFAULT_BATCH_BYTES)) yield takeBatch();
    }
  } catch (error) {
    if (error instanceof UnprocessableEvidenceError || error instanceof UploadInterruptedError) throw error;
    if (compressed && isZlibError(error)) throw new UnprocessableEvidenceError(`${name}: the gzip data is corrupt or truncated (${(error as Error).message})`);
    throw error;
  }

  const rest = redacted(withoutBom(decoder.decode())) + redactedRest();
  if (parser === null) {
    head += rest;
    if (parsedBytes === 0) throw new UnprocessableEvidenceError(`${name} is empty (${compressed ? 'after decompression' : '0 bytes'}): nothing to ingest`);
    yield startParser();
    feed(head);
  } else if (rest !== '') {
    feed(rest);
  }
  try {
    (parser as IncrementalParser | null)?.end();
  } catch (error) {
    throw asEvidenceError(error, name);
  }
  yield takeBatch();
}

function asEvidenceError(error: unknown, name: string): unknown {
  if (error instanceof FormatError) return new UnprocessableEvidenceError(`${name}: ${error.message}`);
  return error;
}

function isZlibError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('Z_');
}
