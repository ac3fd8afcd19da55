/**
 * Per-second counts (the EventSecond rollup) into equal time columns spanning the first to the
 * end of the last counted second: the evidence overview's bars. At most `columns`, and never
 * more than the seconds spanned (a column narrower than a second would leave gaps).
 */
export interface SecondCount {
  /** floor(ts / 1000) */
  second: number;
  count: number;
  errors: number;
}

export interface SecondBins {
  /** ms since the epoch; null when there is nothing to bin. */
  from: number | null;
  to: number | null;
  counts: number[];
  errors: number[];
  total: number;
}

/** `rows` in any order, one per second. */
export function binSeconds(rows: readonly SecondCount[], columns: number): SecondBins {
  if (rows.length === 0 || columns < 1) return { from: null, to: null, counts: [], errors: [], total: 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if (row.second < first) first = row.second;
    if (row.second > last) last = row.second;
  }
  const from = first * 1000;
  const to = (last + 1) * 1000;
  // Never narrower than the rollup's second: no gaps between a second's bars.
  columns = Math.min(columns, last - first + 1);
  const width = (to - from) / columns;
  const counts = new Array<number>(columns).fill(0);
  const errors = new Array<number>(columns).fill(0);
  let total = 0;
  for (const row of rows) {
    // The column holding the second's start; a second wider than a column lands in one column.
    const column = Math.min(columns - 1, Math.floor((row.second * 1000 - from) / width));
    counts[column]! += row.count;
    errors[column]! += row.errors;
    total += row.count;
  }
  return { from, to, counts, errors, total };
}
