/** A stored row's locator (see lib/server/db/event-row.ts): line, else index, else span id. */
import type { Locator } from '@/lib/domain/event';

export function locatorOf(row: { line: number | null; idx: number | null; spanId: string | null }): Locator | null {
  if (row.line !== null) return { line: row.line };
  if (row.idx !== null) return { index: row.idx };
  if (row.spanId !== null) return { spanId: row.spanId };
  return null;
}
