/**
 * Rows that are JSON texts, arriving as bytes (copy-binary-rows.ts), gathered into pages: the
 * rows' bytes joined with commas in one buffer, reused from page to page (fresh memory costs
 * 11-15 us a page here), and parsed with one JSON.parse once a page holds PAGE_TEXT_TARGET
 * bytes (under V8's threshold for parsing into the old generation, source-event-columns.ts) or
 * `pageSize` rows. Parsed pages wait in `done` for the caller to take them.
 */
import { bufferWithRoom } from '../db/buffer-with-room';
import type { CopyRowSink } from '../db/copy-binary-rows';
import { PAGE_TEXT_TARGET } from './source-event-columns';

const OPEN = 0x5b; // [
const COMMA = 0x2c;
const CLOSE = 0x5d; // ]

/** The buffer's usual size; one grown past it for a big row (a HAR entry's bodies) goes after its page. */
const BUFFER_BYTES = 4 * PAGE_TEXT_TARGET;

export class JsonRowPages<Row> implements CopyRowSink {
  private buffer: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  /** Bytes of the page so far: the opening bracket, then each row and a comma. */
  private length = 1;
  private rows = 0;
  readonly done: Row[][] = [];

  constructor(private readonly pageSize: number) {}

  part(chunk: Buffer, start: number, end: number): void {
    // Room for the part and the comma after it.
    this.buffer = bufferWithRoom(this.buffer, this.length, end - start + 1);
    this.length += chunk.copy(this.buffer, this.length, start, end);
  }

  endRow(): void {
    this.buffer[this.length++] = COMMA;
    this.rows++;
    if (this.length >= PAGE_TEXT_TARGET || this.rows >= this.pageSize) this.flush();
  }

  /** Parses the rows gathered so far as a page (none: nothing). */
  flush(): void {
    if (this.rows === 0) return;
    this.buffer[0] = OPEN;
    this.buffer[this.length - 1] = CLOSE; // in place of the last comma
    this.done.push(JSON.parse(this.buffer.toString('utf8', 0, this.length)) as Row[]);
    this.length = 1;
    this.rows = 0;
    if (this.buffer.length > BUFFER_BYTES) this.buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  }
}

