/**
 * PostgreSQL's binary COPY format (`COPY ... TO STDOUT (FORMAT binary)`), read as it streams, for
 * rows of one column that is never null: each row's bytes go to a sink as they arrive, split
 * wherever the stream's chunks split them. A row is its value's bytes as they are, with no
 * escapes to undo (the text format doubles every backslash).
 *
 * The format: an 11-byte signature, a 32-bit flags word and a 32-bit length of a header
 * extension, which follows; then per row a 16-bit field count (-1 ends the data) and per field
 * a 32-bit length (-1: null) and its bytes; all integers big-endian.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags and the extension's length. */
const FILE_HEADER_BYTES = SIGNATURE.length + 8;

export interface CopyRowSink {
  /** Bytes `start`..`end` of `chunk` are the next part of the current row. */
  part(chunk: Buffer, start: number, end: number): void;
  /** The current row is complete. */
  endRow(): void;
}

type Phase = 'file header' | 'extension' | 'field count' | 'field length' | 'value' | 'ended';

export class CopyBinaryRows {
  private phase: Phase = 'file header';
  /** Bytes the phase still needs. */
  private need = FILE_HEADER_BYTES;
  /** A fixed-size header (file, field count, field length) gathered across chunks. */
  private readonly head = Buffer.alloc(FILE_HEADER_BYTES);
  private headLength = 0;

  /**
   * `maxRowBytes`: a longer row is an error, thrown before its bytes are gathered (what reads
   * them would hold it whole).
   */
  constructor(
    private readonly sink: CopyRowSink,
    private readonly maxRowBytes = Infinity,
  ) {}

  /** Reads the next chunk of the stream. */
  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.phase === 'ended') throw new Error('binary COPY data continues after its end marker');
      const take = Math.min(this.need, chunk.length - at);
      if (this.phase === 'value') {
        this.sink.part(chunk, at, at + take);
      } else if (this.phase !== 'extension') {
        chunk.copy(this.head, this.headLength, at, at + take);
        this.headLength += take;
      }
      at += take;
      this.need -= take;
      if (this.need === 0) this.next();
    }
  }

  /** Throws unless the stream ended where the format says it ends. */
  end(): void {
    if (this.phase !== 'ended') throw new Error(`binary COPY data ended early (in a ${this.phase})`);
  }

  /** The phase after the current one, its header complete. */
  private next(): void {
    const head = this.head;
    this.headLength = 0;
    switch (this.phase) {
      case 'file header': {
        if (!head.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not binary COPY data (no PGCOPY signature)');
        // Bit 16: each row carries its OID first, which these rows never do (COPY of a query).
        if ((head.readInt32BE(SIGNATURE.length) & (1 << 16)) !== 0) throw new Error('binary COPY data with OIDs: rows of one value were expected');
        const extension = head.readInt32BE(SIGNATURE.length + 4);
        this.enter(extension > 0 ? 'extension' : 'field count', extension > 0 ? extension : 2);
        return;
      }
      case 'extension':
        return this.enter('field count', 2);
      case 'field count': {
        const fields = head.readInt16BE(0);
        if (fields === -1) return this.enter('ended', 0);
        if (fields !== 1) throw new Error(`binary COPY row of ${fields} fields: one was expected`);
        return this.enter('field length', 4);
      }
      case 'field length': {
        const length = head.readInt32BE(0);
        if (length < 0) throw new Error('binary COPY row is null: a value was expected');
        if (length > this.maxRowBytes) throw new Error(`a row of ${length} bytes is too large (${this.maxRowBytes} at most)`);
        if (length > 0) return this.enter('value', length);
        this.sink.endRow();
        return this.enter('field count', 2);
      }
      case 'value':
        this.sink.endRow();
        return this.enter('field count', 2);
      default:
        throw new Error(`binary COPY reader in phase ${this.phase}`);
    }
  }

  private enter(phase: Phase, need: number): void {
    this.phase = phase;
    this.need = need;
  }
}
