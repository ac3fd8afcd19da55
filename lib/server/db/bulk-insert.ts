/**
 * Bulk event insert: multi-row `INSERT ... VALUES (...),(...)`, ROWS_PER_STATEMENT rows a
 * statement, all rows of one call (a list of batches) in one transaction. Values are always bound parameters.
 *
 * Two paths:
 * - SQLite: prepared statements (cached) run directly on the better-sqlite3 connection that the
 *   Prisma client itself uses, inside a Prisma interactive transaction (so Prisma's transaction
 *   lock and BEGIN/COMMIT still frame it). Binding is most of the cost per row, so a statement
 *   binds only what varies: the owner's two columns are named parameters bound once per
 *   statement, and a batch's values (which leave out its all-null columns, event-row.ts) are
 *   bound as they are. Statements are cached per (columns present, rows).
 * - PostgreSQL: `COPY "Event" (...) FROM STDIN` in text format (pg-copy-streams) on one connection
 *   of the client's own pg pool, BEGIN ... COMMIT around the call's rows. PostgreSQL's MVCC needs
 *   no shared lock with Prisma, so a connection of its own is as good as Prisma's transaction.
 *   Measured on 200,000 rows (scripts/measure-postgres-ingest.ts): COPY 62-80k rows/s, the
 *   multi-row INSERT below as a named prepared statement through pg 37-50k, INSERT ... SELECT
 *   FROM unnest(arrays) 38-47k, `$executeRawUnsafe` in a Prisma transaction 14-18k.
 * - otherwise `$executeRawUnsafe` with every column: measured here at only 20-37k rows/s for
 *   25-column rows (the adapter re-prepares the statement and maps every argument on each call),
 *   still well ahead of `createMany`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client';
import type { Dialect } from './dialect';
import { batchColumns, type EventOwner, type EventRowBatch, type EventRowValue, OWNER_COLUMNS, ROW_COLUMNS, ROW_WIDTH, ROWS_PER_BATCH, UNPARSED_COLUMN } from './event-row';
import { bufferWithRoom } from './buffer-with-room';

/**
 * 500 rows x 24 columns = 12,000 parameters: under SQLite's 32,766 and PostgreSQL's 65,535. The
 * same as a parse batch (event-row.ts), so a batch from the parse is one statement.
 */
export const ROWS_PER_STATEMENT = ROWS_PER_BATCH;

const ALL_COLUMNS = [...OWNER_COLUMNS, ...ROW_COLUMNS];
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/** Every column, positional placeholders: the portable statement. */
const portableSqlCache = new Map<string, string>();
function portableSql(dialect: Dialect, rows: number): string {
  const key = `${dialect.engine}:${rows}`;
  let sql = portableSqlCache.get(key);
  if (sql === undefined) {
    const tuples: string[] = [];
    let n = 1;
    for (let r = 0; r < rows; r++) tuples.push(`(${ALL_COLUMNS.map(() => dialect.placeholder(n++)).join(', ')})`);
    sql = `INSERT INTO "Event" (${quoted(ALL_COLUMNS)}) VALUES ${tuples.join(', ')}`;
    portableSqlCache.set(key, sql);
  }
  return sql;
}

const preparedCache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** SQLite: owner columns as @named parameters, then a batch's `columns` (event-row.ts). */
function preparedSqlite(connection: BetterSqlite3.Database, columns: number, rows: number): BetterSqlite3.Statement {
  let byShape = preparedCache.get(connection);
  if (!byShape) preparedCache.set(connection, (byShape = new Map()));
  const key = `${columns}:${rows}`;
  let statement = byShape.get(key);
  if (!statement) {
    const present = batchColumns(columns).map((c) => ROW_COLUMNS[c] as string);
    const tuple = `(${[...OWNER_COLUMNS.map((c) => `@${c}`), ...present.map(() => '?')].join(', ')})`;
    const sql = `INSERT INTO "Event" (${quoted([...OWNER_COLUMNS, ...present])}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
    byShape.set(key, (statement = connection.prepare(sql)));
  }
  return statement;
}

function insertSqliteChunk(connection: BetterSqlite3.Database, owner: EventOwner, batch: EventRowBatch, from: number, rows: number): void {
  const width = batchColumns(batch.columns).length;
  const values = from === 0 && rows === batch.count ? batch.values : batch.values.slice(from * width, (from + rows) * width);
  preparedSqlite(connection, batch.columns, rows).run({ incidentNumber: owner.incidentNumber, position: owner.position }, values);
}

/** The portable statement's parameters: every column of rows `from`..`from + rows`, the batch's left-out ones as null. */
function portableParams(owner: EventOwner, batch: EventRowBatch, from: number, rows: number): unknown[] {
  const present = batchColumns(batch.columns);
  const params: unknown[] = [];
  for (let r = from; r < from + rows; r++) {
    params.push(owner.incidentNumber, owner.position);
    const row = new Array<EventRowValue>(ROW_WIDTH).fill(null);
    present.forEach((c, k) => (row[c] = batch.values[r * present.length + k] as EventRowValue));
    row.forEach((value, c) => params.push(c === UNPARSED_COLUMN ? value === 1 : value));
  }
  return params;
}

const COPY_SQL = `COPY "Event" (${quoted(ALL_COLUMNS)}) FROM STDIN`;
const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: \N for null, backslash escapes for the four special characters. */
function copyField(value: EventRowValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const NULL_FIELD = Buffer.from('\\N');
const TRUE_FIELD = 't'.charCodeAt(0);
const FALSE_FIELD = 'f'.charCodeAt(0);
/** The longest text of a number: "-0.0000012345678901234567" is 25 characters. */
const MAX_NUMBER_BYTES = 25;

/**
 * COPY text lines of the batches' rows, one Buffer per batch, written straight into it: joining
 * strings and encoding the result made three copies of every value and a rope node per column
 * (300k rows: 1.2-1.3 s with the encoding, 0.5-0.8 s written into the buffer). The batch's
 * character count sizes the buffer; it grows if a batch ever undercounts.
 */
export function* copyChunks(owner: EventOwner, batches: EventRowBatch[]): Generator<Buffer> {
  const prefix = Buffer.from(`${owner.incidentNumber}\t${owner.position}\t`);
  // Imported bindings are getters once transpiled (tsx, bundlers): 0.6 s per 1M rows in this loop.
  const width = ROW_WIDTH;
  const unparsed = UNPARSED_COLUMN;
  // The most a row takes besides its strings: the prefix, then a number, \N or t/f and a separator per column.
  const rowBytes = prefix.length + width * (MAX_NUMBER_BYTES + 1);
  for (const { columns, values, count, chars } of batches) {
    if (count === 0) continue;
    const present = batchColumns(columns);
    // A UTF-16 unit takes at most 3 bytes in UTF-8, and so does an escaped character (2).
    let buffer: Buffer = Buffer.allocUnsafe(chars * 3 + count * rowBytes);
    let at = 0;
    for (let r = 0, i = 0; r < count; r++) {
      buffer = bufferWithRoom(buffer, at, rowBytes);
      at += prefix.copy(buffer, at);
      for (let c = 0, k = 0; c < width; c++) {
        // A column the batch left out is null in every row.
        let value: EventRowValue = null;
        if (present[k] === c) {
          value = values[i++] as EventRowValue;
          k++;
        }
        if (c === unparsed) buffer[at++] = value === 1 ? TRUE_FIELD : FALSE_FIELD;
        else if (value === null) at += NULL_FIELD.copy(buffer, at);
        else if (typeof value === 'number') at += buffer.write(String(value), at, 'latin1');
        else {
          const text = copyField(value);
          buffer = bufferWithRoom(buffer, at, text.length * 3 + rowBytes);
          at += buffer.write(text, at, 'utf8');
        }
        buffer[at++] = c === width - 1 ? NEWLINE : TAB;
      }
    }
    yield buffer.subarray(0, at);
  }
}

/**
 * PostgreSQL: the batches' rows by `COPY ... FROM STDIN` (text format) in one transaction, on a
 * connection of the client's own pool.
 */
async function insertPostgres(pool: Pool, owner: EventOwner, batches: EventRowBatch[]): Promise<void> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      await pipeline(Readable.from(copyChunks(owner, batches)), client.query(copyFrom(COPY_SQL)));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

/** Inserts the batches' rows for `owner`, in order, in one transaction. */
export async function insertEventRows(db: Db, owner: EventOwner, batches: EventRowBatch[]): Promise<void> {
  if (batches.every((batch) => batch.count === 0)) return;
  const { prisma, dialect } = db;
  const pool = db.postgresPool();
  if (pool) return insertPostgres(pool, owner, batches);
  await prisma.$transaction(
    async (tx) => {
      const connection = db.sqliteConnection();
      for (const batch of batches) {
        for (let from = 0; from < batch.count; from += ROWS_PER_STATEMENT) {
          const rows = Math.min(ROWS_PER_STATEMENT, batch.count - from);
          if (connection) insertSqliteChunk(connection, owner, batch, from, rows);
          else await tx.$executeRawUnsafe(portableSql(dialect, rows), ...portableParams(owner, batch, from, rows));
        }
      }
    },
    // A transaction of 20,000 rows takes a few hundred milliseconds; the margin covers a slow disk or a waiting lock.
    { timeout: 60_000, maxWait: 30_000 },
  );
}
