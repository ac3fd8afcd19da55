/** A stored row's locator (see lib/server/db/event-row.ts): line, else index, else span id. */
import type { Locator } from '@/lib/domain/event';

export function locatorOf(row: { line: number | null; idx: number | null; spanId: string | null }): Locator | null {
  return locatorFrom(row.line, row.idx, row.spanId);
}

/** The same from the three columns' values (the analysis load reads them from arrays). */
export function locatorFrom(line: number | null, idx: number | null, spanId: string | null): Locator | null {
  if (line !== null) return { line };
  if (idx !== null) return { index: idx };
  if (spanId !== null) return { spanId };
  return null;
}
