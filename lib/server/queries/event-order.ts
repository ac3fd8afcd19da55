/** The sort key of a stored event row, as the cursor encodes it (see ./event-cursor.ts). */
import type { EventSortKey } from './event-cursor';

export function keyOf(row: { ts: number | null; position: number; seq: number }): EventSortKey {
  return row.ts === null ? { ts: null, position: row.position, seq: row.seq } : { ts: row.ts, position: row.position, seq: row.seq };
}
