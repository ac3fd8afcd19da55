/**
 * The events listing's opaque cursor: base64url of the last row's sort key.
 *
 * Sort order: events with a timestamp by (ts, source position, seq); then events without one
 * (unparsed lines, records with no time field) by (source position, seq). Spelled as two phases
 * rather than `NULLS LAST` because SQLite and PostgreSQL order NULLs differently and because each
 * phase is one walk of the (incidentNumber, ts, position, seq) index.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';

export type EventSortKey = { ts: number; position: number; seq: number } | { ts: null; position: number; seq: number };

const cursorSchema = z.tuple([z.number().nullable(), z.number().int(), z.number().int()]);

export function encodeCursor(key: EventSortKey): string {
  return Buffer.from(JSON.stringify([key.ts, key.position, key.seq])).toString('base64url');
}

export function decodeCursor(cursor: string): EventSortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw new ValidationError('invalid cursor', [{ path: 'query.cursor', message: 'not a cursor returned by this API' }]);
  const [ts, position, seq] = result.data;
  return { ts, position, seq };
}
