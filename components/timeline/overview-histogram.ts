/**
 * The overview strip's histogram: events per pixel column over the whole incident, all lanes
 * together, coloured by the most severe level in the column. The API bins above
 * TIMELINE_EVENT_LIMIT events and sends small incidents one by one; both become the same
 * histogram here, so the strip is always a histogram, never events.
 */
import type { TimelineSliceDto } from '@/lib/schemas/investigation';

export interface Histogram {
  columns: number;
  from: number;
  to: number;
  counts: Float64Array;
  maxLevel: Uint8Array;
  max: number;
}

export function overviewHistogram(slice: TimelineSliceDto, columns: number): Histogram {
  const bins = slice.bins;
  const n = Math.max(1, bins ? bins.columns : Math.floor(columns));
  const counts = new Float64Array(n);
  const maxLevel = new Uint8Array(n);
  if (bins) {
    for (let l = 0; l < bins.lanes; l++) {
      for (let c = 0; c < n; c++) {
        const i = l * bins.columns + c;
        const count = bins.counts[i] ?? 0;
        if (count === 0) continue;
        counts[c]! += count;
        const level = bins.maxLevel[i] ?? 0;
        if (level > maxLevel[c]!) maxLevel[c] = level;
      }
    }
  } else if (slice.events) {
    const e = slice.events;
    const span = slice.to - slice.from;
    const column = (t: number) => (span > 0 ? Math.min(n - 1, Math.max(0, Math.floor(((t - slice.from) / span) * n))) : 0);
    for (let i = 0; i < e.start.length; i++) {
      // An interval counts in every column it covers, as the server's bins do (binning.ts).
      const c0 = column(e.start[i]!);
      const end = e.end[i];
      const c1 = end === null || end === undefined ? c0 : column(end);
      const level = e.level[i] ?? 0;
      for (let c = c0; c <= c1; c++) {
        counts[c]! += 1;
        if (level > maxLevel[c]!) maxLevel[c] = level;
      }
    }
  }
  let max = 0;
  for (let c = 0; c < n; c++) if (counts[c]! > max) max = counts[c]!;
  return { columns: n, from: slice.from, to: slice.to, counts, maxLevel, max };
}
