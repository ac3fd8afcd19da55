/**
 * Where each line of a text lies in its UTF-8 bytes, for text fed in pieces as it is parsed: it
 * lets a record parsed from lines be stored as (offset, length) into the source's text file
 * (lib/server/source-text.ts) instead of as a copy of its text.
 *
 * Lines are numbered as LineSplitter numbers them (1-based, every line counts), and a line's
 * range leaves out its `\n` and a `\r` before it, as the splitter does. Only lines from `base`
 * on are kept: discardBefore drops older ones, so memory is bounded by the lines the parser
 * still holds open, not by the file.
 */
export interface TextRange {
  offset: number;
  length: number;
}

/** Keep at least this many discarded lines before compacting (amortizes the array copies). */
const COMPACT_AT = 4096;

export class LineOffsets {
  /** Start byte of line base + i. */
  private starts: number[] = [0];
  /** End byte (content end) of line base + i, once its newline was seen. */
  private ends: number[] = [];
  private base = 1;
  private bytes = 0;
  /** The text so far ends with `\r`: if a `\n` comes next, that `\r` belongs to the line ending. */
  private endsWithCr = false;
  /** A CRLF was seen: a record of several lines, joined with `\n`, is then not its bytes. */
  private sawCrlf = false;
  /** A high surrogate that ended the last piece: its pair's bytes are counted together. */
  private carry = '';

  write(piece: string): void {
    let text = this.carry === '' ? piece : this.carry + piece;
    this.carry = '';
    const lastCode = text.charCodeAt(text.length - 1);
    if (lastCode >= 0xd800 && lastCode <= 0xdbff) {
      this.carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    const n = text.length;
    if (n === 0) return;
    // A byte order mark (read-evidence.ts hands it on first) is not part of line 1.
    if (this.bytes === 0 && this.starts.length === 1 && text.charCodeAt(0) === 0xfeff) this.starts[0] = 3;
    // One native pass: for pure ASCII (most logs) a character index is a byte offset.
    const ascii = Buffer.byteLength(text) === n;
    let byte = this.bytes;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      byte += ascii ? nl - from : Buffer.byteLength(text.slice(from, nl));
      const cr = nl > 0 ? text.charCodeAt(nl - 1) === 13 : this.endsWithCr;
      if (cr) this.sawCrlf = true;
      this.ends.push(cr ? byte - 1 : byte);
      byte += 1;
      this.starts.push(byte);
      from = nl + 1;
    }
    this.bytes = byte + (ascii ? n - from : Buffer.byteLength(text.slice(from)));
    this.endsWithCr = text.charCodeAt(n - 1) === 13;
  }


  /** The line being read (the last line fed, whose newline has not come yet). */
  get lastLine(): number {
    return this.base + this.starts.length - 1;
  }

  /** Bytes of the text fed so far, but for heldText. */
  get countedBytes(): number {
    return this.bytes;
  }

  /** Fed text not counted yet: a high surrogate waiting for its pair. */
  get heldText(): string {
    return this.carry;
  }

  /**
   * The bytes of lines `line` .. `line + newlines` as one record, or null when they are not all
   * known (discarded, not fed yet) or cannot be the record's text (several CRLF lines). A line
   * whose newline has not come yet is the last line: it ends where the text fed so far ends.
   */
  range(line: number, newlines: number): TextRange | null {
    const first = line - this.base;
    const last = first + newlines;
    if (first < 0 || last >= this.starts.length || (newlines > 0 && this.sawCrlf)) return null;
    const offset = this.starts[first] as number;
    const end = last < this.ends.length ? (this.ends[last] as number) : this.bytes - (this.endsWithCr ? 1 : 0);
    return { offset, length: end - offset };
  }

  /** Forgets lines before `line` (a caller that will not ask for them again). */
  discardBefore(line: number): void {
    const drop = line - this.base;
    if (drop < COMPACT_AT || drop * 2 < this.starts.length) return;
    this.starts = this.starts.slice(drop);
    this.ends = this.ends.slice(drop);
    this.base = line;
  }
}
