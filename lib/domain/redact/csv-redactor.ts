/**
 * Redaction of CSV and TSV by column: a column whose header names a secret (secret-names.ts
 * `isSecretField`: `password`, `api_key`, `auth_token`...) has every non-empty cell of every row
 * replaced by the marker, quotes kept (`"[REDACTED]"`), counted as `field`. The text patterns
 * cannot do this: a bare cell (`hunter2`) says nothing about itself, its header does.
 *
 * Streaming, character by character, with the CSV scanner's model (csv-scanner.ts): a cell that
 * opens with `"` may hold delimiters and newlines, `""` inside it is a quote. The first record is
 * the header, passed through as is. Everything this pass writes then goes on to `next` (the
 * line redactor: text patterns per line), so a secret in any other cell is still found by its
 * pattern. A file without a secret column costs one look at its header.
 */
import { CsvScanner } from '../parse/csv-scanner';
import { countRedaction, REDACTED, type RedactionCounts } from './redaction-counts';
import { isSecretField } from './secret-names';

export interface TextRedactionMode {
  write(text: string): string;
  end(): string;
}

const QUOTE = '"';

export class CsvColumnRedactor implements TextRedactionMode {
  /** Null while the header is read; then which columns hold secrets (empty: nothing to do). */
  private secret: ReadonlySet<number> | null = null;
  private header = '';
  private column = 0;
  /** The current cell opened with a quote and has not closed it. */
  private inQuotes = false;
  /** At the start of a cell: the next character says whether it is quoted. */
  private cellStart = true;
  /** The last character was a quote inside a quoted cell: `""`, or the cell's closing quote. */
  private quotePending = false;
  /** The current cell is a secret one and its marker is written; its characters are dropped. */
  private replacing = false;

  constructor(
    private readonly delimiter: string,
    private readonly counts: RedactionCounts,
    private readonly next: TextRedactionMode,
  ) {}

  write(text: string): string {
    if (this.secret === null) return this.next.write(this.readHeader(text));
    if (this.secret.size === 0) return this.next.write(text);
    return this.next.write(this.redactCells(text));
  }

  end(): string {
    let rest = '';
    if (this.quotePending) {
      this.quotePending = false;
      rest = QUOTE;
    }
    if (this.secret === null) {
      // A file that is all header.
      rest = this.header;
      this.header = '';
      this.secret = new Set();
    }
    return this.next.write(rest) + this.next.end();
  }

  /** Holds the text until the header record ends; then passes it on and redacts what follows. */
  private readHeader(text: string): string {
    this.header += text;
    const end = headerEnd(this.header);
    if (end < 0) return '';
    const header = this.header.slice(0, end + 1);
    const rest = this.header.slice(end + 1);
    this.header = '';
    const names = headerCells(header, this.delimiter);
    this.secret = new Set(names.flatMap((name, i) => (isSecretField(name.trim()) ? [i] : [])));
    return header + (this.secret.size === 0 ? rest : this.redactCells(rest));
  }

  /**
   * The text with the secret cells replaced. What is kept is copied in runs (slices of `text`),
   * not character by character: a run breaks only where the output differs from the input.
   */
  private redactCells(text: string): string {
    let out = '';
    /** Start of the run of characters kept as they are, or -1. */
    let run = -1;
    const flush = (end: number) => {
      if (run >= 0) out += text.slice(run, end);
      run = -1;
    };
    const keep = (at: number) => {
      if (run < 0) run = at;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.quotePending) {
        // The quote before was held: `""` is a quote inside the cell, anything else closes it.
        this.quotePending = false;
        if (c === QUOTE) {
          if (!this.replacing) out += '""';
          continue;
        }
        out += QUOTE;
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          flush(i);
          this.quotePending = true;
        } else if (this.replacing) flush(i);
        else keep(i);
        continue;
      }
      if (c === this.delimiter || c === '\n' || c === '\r') {
        this.replacing = false;
        this.cellStart = true;
        if (c === '\n') this.column = 0;
        else if (c === this.delimiter) this.column++;
        keep(i);
        continue;
      }
      if (this.cellStart) {
        this.cellStart = false;
        this.inQuotes = c === QUOTE;
        if (this.secret!.has(this.column)) {
          flush(i);
          this.replacing = true;
          countRedaction(this.counts, 'field');
          out += this.inQuotes ? `${QUOTE}${REDACTED}` : REDACTED;
          continue;
        }
      }
      if (this.replacing) flush(i);
      else keep(i);
    }
    flush(text.length);
    return out;
  }
}

/** Index of the newline that ends the first record (outside quotes), or -1. */
function headerEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) return i;
  }
  return -1;
}

/** The cells of the header record, read by the parser's own CSV scanner. */
function headerCells(record: string, delimiter: string): string[] {
  let cells: string[] = [];
  const scanner = new CsvScanner(delimiter.charCodeAt(0), (row) => {
    if (cells.length === 0) cells = row.cells;
  });
  scanner.write(record);
  scanner.end();
  return cells;
}
