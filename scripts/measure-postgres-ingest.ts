/**
 * Measures bulk event insert paths on PostgreSQL (a throwaway cluster, scripts/db-temp-postgres.ts):
 *   prisma-raw: `$executeRawUnsafe` multi-row INSERT inside a Prisma interactive transaction;
 *   pg-insert:  named (prepared) multi-row INSERT on a pg connection of the app's pool;
 *   pg-unnest:  INSERT ... SELECT FROM unnest(one array per column), one statement per batch;
 *   copy:       the app's path (bulk-insert.ts): COPY ... FROM STDIN, text format, pg-copy-streams.
 * Usage: npx tsx scripts/measure-postgres-ingest.ts [rows=100000]
 */
import { startTempPostgres } from './db-temp-postgres';
import { closeDb, getDb } from '../lib/server/db/client';
import { insertEventRows, ROWS_PER_STATEMENT } from '../lib/server/db/bulk-insert';
import { type EventOwner, type EventRowValue, OWNER_COLUMNS, ROW_COLUMNS, ROW_WIDTH, packRows, UNPARSED_COLUMN } from '../lib/server/db/event-row';

const ROWS = Number(process.argv[2] ?? 100_000);
const BATCH = 5_000;

function makeRows(count: number): EventRowValue[][] {
  const batches: EventRowValue[][] = [];
  for (let start = 0; start < count; start += BATCH) {
    const values: EventRowValue[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const id = `req-${(i * 2654435761) % 1_000_003}`;
      values.push(i, i + 1, null, null, 1_700_000_000_000 + i * 3.5, null, null, `svc-${i % 7}`, i % 10 ? 'info' : 'error', 'http.request', String(200 + (i % 5)), `GET /api/items/${i} done in ${i % 97} ms`, id, null, `trace-${i}`, null, null, i % 3 ? null : JSON.stringify({ k: i, tab: 'a\tb' }), `{"line":${i},"msg":"GET /api/items/${i}\\n"}`, i % 50 === 0 ? 1 : 0);
    }
    batches.push(values);
  }
  return batches;
}

async function main(): Promise<void> {
  const cluster = await startTempPostgres();
  try {
    process.env.DATABASE_URL = cluster.url;
    const db = await getDb();
    await db.prisma.incident.create({ data: { id: 'inc', number: 1, name: 'measure' } });
    const data = makeRows(ROWS);
    const results: [string, number][] = [];
    let position = 0;
    const newOwner = async (): Promise<EventOwner> => {
      position++;
      await db.prisma.source.create({ data: { id: `src-${position}`, incidentId: 'inc', name: 'm', position, status: 'parsing' } });
      return { incidentNumber: 1, position };
    };
    const time = async (label: string, fn: (owner: EventOwner) => Promise<void>) => {
      const owner = await newOwner();
      const t0 = performance.now();
      await fn(owner);
      const seconds = (performance.now() - t0) / 1000;
      const count = await db.prisma.event.count({ where: { incidentNumber: owner.incidentNumber, position: owner.position } });
      if (count !== ROWS) throw new Error(`${label}: ${count} rows, expected ${ROWS}`);
      results.push([label, Math.round(ROWS / seconds)]);
    };

    const columns = [...OWNER_COLUMNS, ...ROW_COLUMNS].map((c) => `"${c}"`).join(', ');
    const params = (owner: EventOwner, values: EventRowValue[], from: number, rows: number) => {
      const out: unknown[] = [];
      for (let r = from; r < from + rows; r++) {
        out.push(owner.incidentNumber, owner.position);
        for (let c = 0; c < ROW_WIDTH; c++) out.push(c === UNPARSED_COLUMN ? values[r * ROW_WIDTH + c] === 1 : values[r * ROW_WIDTH + c]);
      }
      return out;
    };
    const sqlFor = (rows: number) => {
      let n = 1;
      const tuples = Array.from({ length: rows }, () => `(${Array.from({ length: ROW_WIDTH + 3 }, () => `$${n++}`).join(', ')})`);
      return `INSERT INTO "Event" (${columns}) VALUES ${tuples.join(', ')}`;
    };

    const PG_TYPES: Record<string, string> = { seq: 'int4', line: 'int4', idx: 'int4', ts: 'float8', startTs: 'float8', endTs: 'float8', rawOffset: 'int8', rawLength: 'int4', unparsed: 'bool' };
    const UNNEST_SQL = `INSERT INTO "Event" (${columns}) SELECT $1, $2, u.* FROM unnest(${ROW_COLUMNS.map((c, i) => `$${i + 3}::${PG_TYPES[c] ?? 'text'}[]`).join(', ')}) AS u`;

    for (let round = 0; round < 2; round++) {
      await time('prisma-raw ($executeRawUnsafe in $transaction)', (owner) =>
        db.prisma.$transaction(
          async (tx) => {
            for (const values of data) {
              const count = values.length / ROW_WIDTH;
              for (let from = 0; from < count; from += ROWS_PER_STATEMENT) {
                const rows = Math.min(ROWS_PER_STATEMENT, count - from);
                await tx.$executeRawUnsafe(sqlFor(rows), ...params(owner, values, from, rows));
              }
            }
          },
          { timeout: 600_000 },
        ).then(() => undefined),
      );
      await time('pg-insert (named multi-row INSERT on a pg connection)', async (owner) => {
        const client = await db.postgresPool()!.connect();
        try {
          await client.query('BEGIN');
          for (const values of data) {
            const count = values.length / ROW_WIDTH;
            for (let from = 0; from < count; from += ROWS_PER_STATEMENT) {
              const rows = Math.min(ROWS_PER_STATEMENT, count - from);
              await client.query({ name: `measure_insert_${rows}`, text: sqlFor(rows), values: params(owner, values, from, rows) });
            }
          }
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      });
      await time('pg-unnest (one INSERT ... SELECT FROM unnest(arrays) per 5,000-row batch)', async (owner) => {
        const client = await db.postgresPool()!.connect();
        try {
          await client.query('BEGIN');
          for (const values of data) {
            const count = values.length / ROW_WIDTH;
            const arrays = ROW_COLUMNS.map((_, c) => {
              const column: unknown[] = new Array(count);
              for (let r = 0; r < count; r++) column[r] = c === UNPARSED_COLUMN ? values[r * ROW_WIDTH + c] === 1 : values[r * ROW_WIDTH + c];
              return column;
            });
            await client.query({ name: 'measure_unnest', text: UNNEST_SQL, values: [owner.incidentNumber, owner.position, ...arrays] });
          }
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      });
      await time('copy (insertEventRows: COPY FROM STDIN via pg-copy-streams, the app\'s path)', (owner) =>
        insertEventRows(db, owner, data.map((values) => packRows(values, values.length / ROW_WIDTH))),
      );
    }
    console.log(`${ROWS} rows of ${ROW_WIDTH + 3} columns, ${ROWS_PER_STATEMENT} rows a statement, one transaction each; round 1 then round 2:`);
    for (const [label, rate] of results) console.log(`  ${label}: ${rate.toLocaleString('en')} rows/s`);
    await closeDb();
  } finally {
    cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
