/**
 * How the analysis load carries one stored event (list-source-events.ts): an array of its
 * columns, then its other fields parsed. A module of its own because the SQLite page worker
 * (sqlite-page-worker.ts) needs the columns and nothing else of the server.
 */

/**
 * The columns of an event's array, in order; after them comes the parsed `attributes` (an
 * object, or null when the column is null). `seq` is last so that the array's JSON text always
 * ends in a digit and `]` (see sqlite-event-pages.ts).
 */
export const SOURCE_EVENT_COLUMNS = [
  'service', 'level', 'name', 'status', 'message',
  'requestId', 'correlationId', 'traceId', 'spanId', 'parentSpanId', 'sessionId',
  'id', 'line', 'idx', 'ts', 'startTs', 'endTs', 'unparsed', 'seq',
] as const;

export type SourceEventColumn = (typeof SOURCE_EVENT_COLUMNS)[number];
/** Position of each column in an event's array. */
export const AT = Object.fromEntries(SOURCE_EVENT_COLUMNS.map((c, i) => [c, i])) as { readonly [C in SourceEventColumn]: number };
/** Position of the parsed attributes in an event's array. */
export const ATTRIBUTES_AT = SOURCE_EVENT_COLUMNS.length;

/** The columns as a SELECT list, quoted. */
export const SOURCE_EVENT_SELECT_LIST = SOURCE_EVENT_COLUMNS.map((c) => `"${c}"`).join(', ');

/**
 * One event as the page gives it: SOURCE_EVENT_COLUMNS' values (strings, numbers, null;
 * `unparsed` is 0/1 on SQLite and a boolean on PostgreSQL), then the attributes.
 */
export type SourceEventArray = readonly unknown[];

