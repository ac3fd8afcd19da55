/**
 * Detection of the line formats from the head of a source (JSON has been ruled out before).
 *
 * Model: look at the first SAMPLE_LINES non-blank lines (terminal escapes removed) and count
 * how many each format can read; a format wins only with a clear majority, so prose, a
 * README or binary noise is not forced into a format and gets the "unknown format" error.
 * - CSV/TSV is checked first and structurally: a header of name-like cells, then rows with
 *   that many cells (quotes may span lines). It must come first because data rows often open
 *   with a timestamp and would otherwise read as text lines.
 * - access-log, syslog and logfmt lines are unambiguous: MAJORITY of the lines.
 * - Text lines: records may carry long stack traces, so the indented lines are not counted and
 *   TEXT_SHARE of the others must open with a timestamp. `docker compose` output counts as text.
 * The last line of a full head may be cut mid-way: it is ignored when others remain.
 */
import { parseAccessLogLine } from './access-log';
import { hasAnsi, stripAnsi } from './ansi';
import { isBlankLine } from './blank-line';
import { CsvScanner, type CsvRow } from './csv-scanner';
import { splitComposePrefix } from './docker-compose';
import type { FormatId } from './formats';
import { scanKeyValues } from './key-value';
import { parseSyslogMessage } from './syslog-message';
import { readLineTimestamp } from './text-header';

export const SAMPLE_LINES = 50;
/** Share of sampled lines a line-per-record format must read. */
const MAJORITY = 0.6;
/** Share of the non-indented lines that must open with a timestamp for text lines. */
const TEXT_SHARE = 0.4;
/** Share of data rows whose cell count must equal the header's. */
const CSV_CONSISTENCY = 0.8;

export interface TextDetection {
  format: FormatId;
  reason: string;
}

/** Text decoded from binary data shows NULs or many other control characters. */
function looksBinary(head: string): boolean {
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = head.charCodeAt(i);
    if (c === 0 || c === 0xfffd) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 27) control++;
  }
  return control > n / 100;
}

function sampleLines(head: string): string[] {
  const all = head.split('\n');
  if (all.length > 1 && !head.endsWith('\n')) all.pop(); // possibly cut by the head limit
  const lines: string[] = [];
  for (const line of all) {
    if (lines.length >= SAMPLE_LINES) break;
    if (isBlankLine(line)) continue;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    lines.push(hasAnsi(text) ? stripAnsi(text) : text);
  }
  return lines;
}

/** A header cell names a column: short, with a letter, and not a value (no `=`, `{`, leading digit). */
function isColumnName(cell: string): boolean {
  const s = cell.trim();
  if (s.length === 0) return true; // pandas writes an empty name for its index column
  return s.length <= 64 && /[A-Za-z]/.test(s) && !/^[\d{[]|=/.test(s) && s.split(' ').length <= 4;
}

function detectDelimited(head: string, delimiter: ',' | '\t'): TextDetection | null {
  const rows: CsvRow[] = [];
  let cut = false; // a quote left open by the head limit: the rows after it are not rows
  const scanner = new CsvScanner(delimiter.charCodeAt(0), (row) => {
    cut ||= row.broken;
    if (!cut && !isBlankLine(row.raw) && rows.length <= SAMPLE_LINES) rows.push(row);
  });
  scanner.write(head);
  scanner.end();
  // The head limit may have cut the last row short; a whole small file keeps it.
  if (!head.endsWith('\n') && rows.length > 2) rows.pop();
  const header = rows[0];
  if (!header || header.cells.length < 2) return null;
  if (header.cells.filter((c) => c.trim() === '').length > 1 || !header.cells.every(isColumnName)) return null;
  const data = rows.slice(1);
  if (data.length === 0) return null;
  const consistent = data.filter((r) => r.cells.length === header.cells.length).length;
  if (consistent / data.length < CSV_CONSISTENCY) return null;
  const name = delimiter === ',' ? 'CSV' : 'TSV';
  return {
    format: delimiter === ',' ? 'csv' : 'tsv',
    reason: `${name} header with ${header.cells.length} columns (${header.cells.slice(0, 4).join(', ')}...) and ${consistent} of ${data.length} sampled rows matching it`,
  };
}

function isLogfmtLine(line: string): boolean {
  const scan = scanKeyValues(line, 0, {}, true);
  return scan.pairs >= 2 && scan.words === 0;
}

function isSyslogLine(line: string): boolean {
  const framed = /^\d{1,9} </.test(line) ? line.slice(line.indexOf(' ') + 1) : line;
  const parsed = parseSyslogMessage(framed);
  // An ISO time without <PRI> is an ordinary text line; syslog needs PRI or a BSD time.
  return parsed !== null && (parsed.priority !== null || parsed.yearless !== null);
}

function isIndented(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 32 || c === 9;
}

export function detectTextFormat(head: string): TextDetection | null {
  if (head.length === 0 || looksBinary(head)) return null;
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const delimited = text.includes('\t') ? (detectDelimited(text, '\t') ?? detectDelimited(text, ',')) : detectDelimited(text, ',');
  if (delimited) return delimited;

  const lines = sampleLines(text);
  if (lines.length === 0) return null;
  const total = lines.length;
  const count = (test: (line: string) => boolean): number => lines.filter(test).length;
  const share = (n: number): string => `${n} of ${total} sampled lines`;

  const access = count((l) => parseAccessLogLine(l) !== null);
  if (access / total >= MAJORITY) return { format: 'access-log', reason: `${share(access)} are Apache/nginx access-log lines` };
  const syslog = count(isSyslogLine);
  if (syslog / total >= MAJORITY) return { format: 'syslog', reason: `${share(syslog)} are syslog messages` };
  const logfmt = count(isLogfmtLine);
  if (logfmt / total >= MAJORITY) return { format: 'logfmt', reason: `${share(logfmt)} are key=value pairs only` };
  const compose = count((l) => splitComposePrefix(l) !== null);
  if (compose / total >= MAJORITY) return { format: 'text', reason: `${share(compose)} are docker compose output (\`name  | text\`)` };
  const flush = lines.filter((l) => !isIndented(l));
  const stamped = flush.filter((l) => readLineTimestamp(l) !== null).length;
  if (stamped > 0 && stamped / flush.length >= TEXT_SHARE) {
    return { format: 'text', reason: `${share(stamped)} open with a timestamp (the others continue them)` };
  }
  return null;
}
