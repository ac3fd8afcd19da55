/**
 * Incremental RFC 4180 row scanner for CSV and TSV.
 *
 * Model: a cell that opens with `"` is quoted: it may hold delimiters and newlines, and `""`
 * inside it is one quote. A quote anywhere else is an ordinary character, and text after a
 * closing quote is kept (`"a"b` reads `ab`): exports in the wild bend the RFC, and a lenient
 * reading loses nothing. CRLF is read as LF, in quoted cells too, so a file reads the same
 * whichever line ending it was saved with.
 * Each row comes with the 1-based line it starts on and its raw text (LF-joined lines).
 * An unterminated quote would swallow the rest of the file; instead, at the end, the row it
 * opened is reported broken as its first line only, and the text after that line is scanned
 * again, so the rows that follow are still read.
 */
export interface CsvRow {
  cells: string[];
  line: number;
  raw: string;
  /** The row's quote never closed: `cells` is empty and `raw` is its first line. */
  broken: boolean;
}

const QUOTE = 34;
const NL = 10;

export class CsvScanner {
  private cells: string[] = [];
  private cell = '';
  private cellQuoted = false;
  private inQuotes = false;
  /** A `"` ended the last chunk inside a quoted cell: `""` or a closing quote, the next chunk says. */
  private quotePending = false;
  private raw = '';
  private line = 1;
  private rowLine = 1;
  private heldCR = false;

  constructor(
    private readonly delimiter: number,
    private readonly onRow: (row: CsvRow) => void,
  ) {}

  write(input: string): void {
    let chunk = this.heldCR ? '\r' + input : input;
    this.heldCR = false;
    if (chunk.endsWith('\r')) {
      // The `\n` of a CRLF may open the next chunk.
      this.heldCR = true;
      chunk = chunk.slice(0, -1);
    }
    if (chunk.indexOf('\r') >= 0) chunk = chunk.replace(/\r\n/g, '\n');
    this.scan(chunk);
  }

  end(): void {
    this.heldCR = false; // a CR that ends the input ends its last line
    for (;;) {
      if (this.quotePending) {
        this.quotePending = false;
        this.inQuotes = false;
      }
      if (!this.inQuotes) {
        if (this.raw.length > 0 || this.cells.length > 0 || this.cell.length > 0) this.finishRow();
        return;
      }
      const text = this.raw;
      const nl = text.indexOf('\n');
      const firstLine = nl < 0 ? text : text.slice(0, nl);
      const line = this.rowLine;
      this.reset(line + 1);
      this.onRow({ cells: [], line, raw: firstLine, broken: true });
      if (nl < 0) return;
      this.scan(text.slice(nl + 1));
    }
  }

  private reset(line: number): void {
    this.cells = [];
    this.cell = '';
    this.cellQuoted = false;
    this.inQuotes = false;
    this.quotePending = false;
    this.raw = '';
    this.line = line;
    this.rowLine = line;
  }

  private finishRow(): void {
    this.cells.push(this.cell);
    const row: CsvRow = { cells: this.cells, line: this.rowLine, raw: this.raw, broken: false };
    this.reset(this.line + 1);
    this.onRow(row);
  }

  private scan(chunk: string): void {
    const n = chunk.length;
    const delimiter = this.delimiter;
    let i = 0;
    let seg = 0; // start of text not yet appended to the cell
    let rawStart = 0; // start of text not yet appended to the row's raw
    if (this.quotePending) {
      this.quotePending = false;
      if (chunk.charCodeAt(0) === QUOTE) {
        this.cell += '"';
        i = seg = 1;
      } else this.inQuotes = false;
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        const stop = q < 0 ? n : q;
        for (let k = chunk.indexOf('\n', i); k >= 0 && k < stop; k = chunk.indexOf('\n', k + 1)) this.line++;
        if (q < 0) break;
        this.cell += chunk.slice(seg, q);
        if (q + 1 >= n) {
          this.quotePending = true;
          i = seg = n;
          break;
        }
        if (chunk.charCodeAt(q + 1) === QUOTE) {
          this.cell += '"';
          i = seg = q + 2;
        } else {
          this.inQuotes = false;
          i = seg = q + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === delimiter) {
        this.cells.push(this.cell + chunk.slice(seg, i));
        this.cell = '';
        this.cellQuoted = false;
        seg = ++i;
      } else if (c === NL) {
        this.cell += chunk.slice(seg, i);
        this.raw += chunk.slice(rawStart, i);
        this.finishRow();
        seg = rawStart = ++i;
      } else if (c === QUOTE && i === seg && this.cell.length === 0 && !this.cellQuoted) {
        this.inQuotes = true;
        this.cellQuoted = true;
        seg = ++i;
      } else i++;
    }
    if (seg < n) this.cell += chunk.slice(seg, n);
    if (rawStart < n) this.raw += chunk.slice(rawStart, n);
  }
}
