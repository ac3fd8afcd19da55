/**
 * CSV and TSV with a header row (exports of log search tools, datasets): one event per row.
 *
 * Model: the first non-blank row names the columns (trimmed; a repeated name gets `_2`, an
 * empty one `column_N`). Each later row becomes a record by those names and goes through
 * normalizeRecord, so a `Timestamp` column gives the time, `TraceID` the trace, `PodName` the
 * service, `StartTimeUnixNano`/`EndTimeUnixNano` an interval, like any structured record.
 * - A cell holding a JSON object (it starts with `{` and parses) becomes that object, so an
 *   embedded record is read as one: a Nezha `Log` cell is a Docker json-file record whose
 *   `log` is the app's own JSON line, three levels deep.
 * - An empty cell is an absent value, not an empty string: exports write nothing for null.
 * - A row with the wrong number of cells is still an event: cells map by position, extra ones
 *   go to `_extra`, and a diagnostic names the row. A row whose quote never closes is an
 *   unparsed event (see ./csv-scanner.ts).
 * - A message cell that opens like JSON but does not parse keeps its text, with a
 *   `truncated-json` diagnostic.
 * Locators are `{line}` (where the row starts) for span rows too: a CSV is a line format and a
 * person finds the row by its line.
 */
import { unparsedEvent } from '../event';
import { isBlankLine } from './blank-line';
import { CsvScanner, type CsvRow } from './csv-scanner';
import { DiagnosticLimiter } from './diagnostic-limit';
import { brokenJsonReason, normalizeRecord, type RecordNotes } from './record';
import type { IncrementalParser, ParseContext, ParseSink, ParserFactory } from './types';

/** The header row's cells as field names: trimmed, unique, never empty. */
export function columnNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, k) => {
    const base = cell.trim() || `column_${k + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** A cell's value: a JSON object when it holds one, else the text. */
export function cellValue(cell: string): unknown {
  let i = 0;
  while (i < cell.length && (cell.charCodeAt(i) === 32 || cell.charCodeAt(i) === 9)) i++;
  if (cell.charCodeAt(i) !== 123) return cell; // '{'
  try {
    const parsed: unknown = JSON.parse(cell);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : cell;
  } catch {
    return cell;
  }
}

function createDelimitedParser(delimiter: ',' | '\t', sink: ParseSink, context: ParseContext): IncrementalParser {
  const problems = new DiagnosticLimiter(sink);
  const notes: RecordNotes = {};
  let header: string[] | null = null;

  const onRow = (row: CsvRow): void => {
    const locator = { line: row.line };
    if (row.broken) {
      const reason = 'a quoted cell opens on this line and never closes';
      sink.event(unparsedEvent(locator, row.raw, reason));
      problems.report(locator, 'unterminated-quote', reason);
      return;
    }
    if (isBlankLine(row.raw)) return;
    if (header === null) {
      header = columnNames(row.cells);
      return;
    }
    const fields: Record<string, unknown> = {};
    const count = Math.min(row.cells.length, header.length);
    for (let k = 0; k < count; k++) {
      const cell = row.cells[k] as string;
      if (cell.length > 0) fields[header[k] as string] = cellValue(cell);
    }
    if (row.cells.length !== header.length) {
      if (row.cells.length > header.length) fields._extra = row.cells.slice(header.length);
      problems.report(
        locator,
        'column-count',
        `${row.cells.length} cells where the header has ${header.length}; read by position${row.cells.length > header.length ? ', the extra ones under _extra' : ''}`,
      );
    }
    sink.event(normalizeRecord({ fields, locator, raw: row.raw, sourceName: context.sourceName }, notes));
    if (notes.brokenJson !== undefined) {
      problems.report(locator, 'truncated-json', brokenJsonReason(notes.brokenJson));
      notes.brokenJson = undefined;
    }
  };

  const scanner = new CsvScanner(delimiter.charCodeAt(0), onRow);
  return {
    write: (chunk) => scanner.write(chunk),
    end: () => {
      scanner.end();
      problems.flush();
    },
  };
}

export const createCsvParser: ParserFactory = (sink, context) => createDelimitedParser(',', sink, context);
export const createTsvParser: ParserFactory = (sink, context) => createDelimitedParser('\t', sink, context);
