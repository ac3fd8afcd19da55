/**
 * What the entity step chart draws, from the witness table's rows (one per observation, in
 * aligned order): per witness, the value it held over time as steps - a segment from each
 * observation that changed the value to the next one, the last held to the end of the chart -
 * and the spans during which its cell disagrees.
 */
import type { EntityViewDto } from '@/lib/schemas/investigation';
import { stateValueKey, type StateValue } from './value-format';

type Row = Pick<EntityViewDto['fields'][number]['rows'][number], 'at' | 'eventId' | 'witness' | 'value' | 'cells'>;

export interface StepSegment {
  start: number;
  end: number;
  value: StateValue;
  /** The observations (event ids) that held this value in this segment, in order. */
  eventIds: number[];
}

export interface TimeSpan {
  start: number;
  end: number;
}

export interface WitnessSeries {
  witness: number;
  /** Consecutive observations of the same value are one segment. Empty before the first observation. */
  segments: StepSegment[];
  /** Where the witness's cell disagrees, merged over consecutive rows, empty spans dropped. */
  disagree: TimeSpan[];
}

/** One series per witness; `endMs` is where the last held values stop (the chart's right edge). */
export function stepSeries(rows: readonly Row[], witnessCount: number, endMs: number): WitnessSeries[] {
  const series: WitnessSeries[] = Array.from({ length: witnessCount }, (_, witness) => ({ witness, segments: [], disagree: [] }));
  const open: (number | null)[] = new Array<number | null>(witnessCount).fill(null);

  for (const row of rows) {
    const own = series[row.witness];
    if (own) {
      const last = own.segments.at(-1);
      if (last && stateValueKey(last.value) === stateValueKey(row.value)) last.eventIds.push(row.eventId);
      else {
        if (last) last.end = row.at;
        own.segments.push({ start: row.at, end: row.at, value: row.value, eventIds: [row.eventId] });
      }
    }
    // A cell's state holds from its row until the next row.
    for (let w = 0; w < witnessCount; w++) {
      const disagrees = row.cells[w]?.disagrees === true;
      const since = open[w]!;
      if (disagrees && since === null) open[w] = row.at;
      else if (!disagrees && since !== null) {
        series[w]!.disagree.push({ start: since, end: row.at });
        open[w] = null;
      }
    }
  }

  for (const s of series) {
    const last = s.segments.at(-1);
    if (last) last.end = Math.max(last.start, endMs);
    const since = open[s.witness]!;
    if (since !== null) s.disagree.push({ start: since, end: Math.max(since, endMs) });
    s.disagree = s.disagree.filter((span) => span.end > span.start);
  }
  return series;
}

/** True when every observed non-null value is a number (and there is one): drawn as a step line. */
export function isNumericField(rows: readonly Pick<Row, 'value'>[]): boolean {
  let numbers = 0;
  for (const row of rows) {
    if (row.value === null) continue;
    if (typeof row.value !== 'number') return false;
    numbers += 1;
  }
  return numbers > 0;
}

/** A category per distinct value, in order of first observation: a value keeps its colour in every row. */
export function valueCategories(rows: readonly Pick<Row, 'value'>[]): Map<string, number> {
  const categories = new Map<string, number>();
  for (const row of rows) {
    const key = stateValueKey(row.value);
    if (!categories.has(key)) categories.set(key, categories.size);
  }
  return categories;
}
