/**
 * How the analysis load carries one stored event (list-source-events.ts): an array of its
 * columns, then its other fields parsed. A module of its own because the SQLite page worker
 * (sqlite-page-worker.ts) needs the columns and nothing else of the server.
 */

/**
 * The columns an event's array may hold, in order (a source's layout, below, leaves out those
 * none of its events fill); after them comes the parsed `attributes` (an object, or null when
 * the column is null). `seq` is last so that the array's JSON text always ends in a digit and
 * `]` (see sqlite-event-pages.ts); the text columns come first, since PostgreSQL writes them as
 * one array (postgres-source-events.ts).
 */
export const SOURCE_EVENT_COLUMNS = [
  'service', 'level', 'name', 'status', 'message',
  'requestId', 'correlationId', 'traceId', 'spanId', 'parentSpanId', 'sessionId',
  'id', 'line', 'idx', 'ts', 'startTs', 'endTs', 'unparsed', 'seq',
] as const;

export type SourceEventColumn = (typeof SOURCE_EVENT_COLUMNS)[number];
/** What each column holds (PostgreSQL writes each kind its own way: postgres-source-events.ts). */
export const SOURCE_EVENT_COLUMN_KINDS: Record<SourceEventColumn, 'text' | 'integer' | 'double' | 'boolean'> = {
  service: 'text', level: 'text', name: 'text', status: 'text', message: 'text',
  requestId: 'text', correlationId: 'text', traceId: 'text', spanId: 'text', parentSpanId: 'text', sessionId: 'text',
  id: 'integer', line: 'integer', idx: 'integer', ts: 'double', startTs: 'double', endTs: 'double', unparsed: 'boolean', seq: 'integer',
};

/** The text columns, in SOURCE_EVENT_COLUMNS' order. */
export const TEXT_COLUMNS = SOURCE_EVENT_COLUMNS.filter((c) => SOURCE_EVENT_COLUMN_KINDS[c] === 'text');

/** The columns as a SELECT list, quoted. */
export const selectList = (columns: readonly SourceEventColumn[]) => columns.map((c) => `"${c}"`).join(', ');

/**
 * The columns a source's event arrays hold, and where: SOURCE_EVENT_COLUMNS without those that no
 * event of the source fills (Source.filledColumns, written with its events). JSON lines leave
 * six of the eleven text columns and two of the numbers null in every event; written out, those
 * nulls were 15% of the page's text. Left out, 1M stored events loaded in 3.6-4.7 s against
 * 4.2-5.3 s on PostgreSQL, and in 2.8-3.0 s against 3.2-3.4 s on SQLite (three alternated pairs
 * each, the same events with the column set and cleared).
 */
export interface SourceEventLayout {
  /** The columns in the array, in SOURCE_EVENT_COLUMNS' order. */
  readonly columns: readonly SourceEventColumn[];
  /** Each column's position in the array; past its end (so read as undefined) for a column left out. */
  readonly at: { readonly [C in SourceEventColumn]: number };
  /** Position of the parsed attributes. */
  readonly attributesAt: number;
}

/** NOT NULL in the schema, so in every layout (and `seq` ends every array, as above). */
const ALWAYS_FILLED: ReadonlySet<SourceEventColumn> = new Set(['id', 'unparsed', 'seq']);

/** The layout of a source whose events fill `filled` (column names); null: not known, all columns. */
export function sourceEventLayout(filled: readonly string[] | null): SourceEventLayout {
  const columns = filled === null ? SOURCE_EVENT_COLUMNS : SOURCE_EVENT_COLUMNS.filter((c) => ALWAYS_FILLED.has(c) || filled.includes(c));
  const past = columns.length + 1;
  const positionOf = (c: SourceEventColumn) => {
    const i = columns.indexOf(c);
    return i < 0 ? past : i;
  };
  const at = Object.fromEntries(SOURCE_EVENT_COLUMNS.map((c) => [c, positionOf(c)]));
  return { columns, at: at as SourceEventLayout['at'], attributesAt: columns.length };
}

/** Every column: what Prisma's rows give (list-source-events.ts), and a source's layout when its filled columns are not known. */
export const FULL_LAYOUT = sourceEventLayout(null);

/** Source.filledColumns -> the names it lists; null (all columns) when it is null or not such a list. */
export function parseFilledColumns(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const names: unknown = JSON.parse(json);
    return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names : null;
  } catch {
    return null;
  }
}

/**
 * One event as the page gives it: the values of its layout's columns (strings, numbers, null;
 * `unparsed` is 0/1 from the engines' own drivers and a boolean through Prisma), then the
 * attributes.
 */
export type SourceEventArray = readonly unknown[];


/** How big a page of events may be (list-source-events.ts), in characters of their JSON. */
export interface PageBounds {
  /**
   * SQLite: the most a page may hold: a page cut there holds fewer events. (PostgreSQL's pages
   * end once they reach PAGE_TEXT_TARGET: at most that and one event.)
   */
  pageChars: number;
  /** The most one event may have (UTF-8 bytes on PostgreSQL); past that it is an error. */
  eventChars: number;
}

/**
 * About how many characters a page's text should hold, on both engines (sqlite-event-pages.ts,
 * json-row-pages.ts): under 100 KiB, V8's threshold past which JSON.parse allocates everything
 * it makes in the old generation (kPretenureTreshold in V8's json-parser.h). Past it, a page's
 * event arrays, which die as soon as the events are built from them, filled the old generation,
 * and the full collections that cleared them marked the events already loaded; under it they die
 * young. 1M events of the JSON lines benchmark (about
 * 260 characters each as JSON, so about 250 a page) loaded in 4.1-5.2 s against 5.0-5.3 s in
 * pages of 5,000 (three alternated pairs), with less garbage collection (--trace-gc:
 * scavenges 0.85-1.05 against 1.07-2.26 s).
 */
export const PAGE_TEXT_TARGET = 64 * 1024;

/**
 * 8M characters a page: far below V8's longest string (about 512M characters: past it is a
 * fatal error, not an exception) and little memory with the SQLite page worker's credits
 * (sqlite-source-events.ts), while a HAR of big response bodies can put megabytes in one
 * event's attributes. Most pages are far shorter: they are sized to about PAGE_TEXT_TARGET
 * (sqlite-event-pages.ts).
 */
export const PAGE_BOUNDS: PageBounds = { pageChars: 8 * 2 ** 20, eventChars: 256 * 2 ** 20 };


const lengthOf = (column: string) => `coalesce(octet_length("${column}"), 0)`;

/**
 * SQL: an upper bound of an event's length as JSON (both engines): the attributes as stored,
 * every other text as if each character took the six of a `\u0000` escape, 256 for the rest.
 */
export const EVENT_CHARS_SQL = `${lengthOf('attributes')} + 6 * (${TEXT_COLUMNS.map(lengthOf).join(' + ')}) + 256`;
