/**
 * Splits decoded text chunks into lines for the line-oriented parsers.
 *
 * Lines end at `\n`; a `\r` before it is dropped (CRLF files). A chunk may end mid-line: the
 * tail waits for the next chunk. `end()` flushes a last line without a final newline. Line
 * numbers are 1-based and count every line, blank ones included, so a locator points at the
 * line a person sees in an editor.
 */
export type LineHandler = (line: string, lineNumber: number) => void;

export class LineSplitter {
  private tail = '';
  private lineNumber = 0;

  constructor(private readonly onLine: LineHandler) {}

  write(chunk: string): void {
    let text = this.tail.length > 0 ? this.tail + chunk : chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const endOfLine = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.onLine(text.slice(start, endOfLine), ++this.lineNumber);
      start = nl + 1;
    }
    this.tail = start < text.length ? text.slice(start) : '';
    text = '';
  }

  end(): void {
    if (this.tail.length > 0) {
      const line = this.tail.endsWith('\r') ? this.tail.slice(0, -1) : this.tail;
      this.tail = '';
      this.onLine(line, ++this.lineNumber);
    }
  }
}
