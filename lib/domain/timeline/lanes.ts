/**
 * Timeline lanes: one per clock domain (a service in a source), ordered by source order and then
 * by service name, each with the label and offset text the raw/aligned toggle shows so nobody is
 * fooled by a silent shift. Also the row packing of a lane's overlapping intervals.
 */
import type { AnalysisSource } from '../analysis/input';
import type { Alignment } from '../analysis/results';

export interface Lane {
  /** Domain index (into Alignment.domains). */
  domain: number;
  source: number;
  service: string;
  /** `source` when the source has one service, else `source/service`. */
  label: string;
  offsetMs: number;
  /** e.g. "+4,000 ms (aligned, 78 constraints)", "+0 ms (reference)", "unaligned". */
  offsetText: string;
  aligned: boolean;
}

export interface Lanes {
  lanes: Lane[];
  /** Lane index per domain index. */
  laneOfDomain: Int32Array;
}

export function buildLanes(sources: readonly AnalysisSource[], alignment: Alignment): Lanes {
  const { domains } = alignment;
  const servicesPerSource = new Map<number, number>();
  for (const d of domains) servicesPerSource.set(d.source, (servicesPerSource.get(d.source) ?? 0) + 1);
  const order = domains.map((_, i) => i);
  order.sort((a, b) => {
    const da = domains[a]!;
    const db = domains[b]!;
    if (da.source !== db.source) return da.source - db.source;
    if (da.service !== db.service) return da.service < db.service ? -1 : 1;
    return a - b;
  });
  const laneOfDomain = new Int32Array(domains.length);
  const lanes = order.map((domain, lane): Lane => {
    laneOfDomain[domain] = lane;
    const d = domains[domain]!;
    const sourceName = sources[d.source]?.name ?? `source ${d.source}`;
    const label = (servicesPerSource.get(d.source) ?? 1) > 1 ? `${sourceName}/${d.service}` : sourceName;
    return {
      domain,
      source: d.source,
      service: d.service,
      label,
      offsetMs: d.offsetMs,
      offsetText: offsetText(d, domain === alignment.reference),
      aligned: d.aligned,
    };
  });
  return { lanes, laneOfDomain };
}

function offsetText(
  d: { offsetMs: number; aligned: boolean; overridden: boolean; constraints: number },
  reference: boolean,
): string {
  const ms = formatOffsetMs(d.offsetMs);
  if (d.overridden) return `${ms} (manual)`;
  if (reference) return `${ms} (reference)`;
  if (!d.aligned) return 'unaligned';
  return `${ms} (aligned, ${groupThousands(String(d.constraints))} constraint${d.constraints === 1 ? '' : 's'})`;
}

/** "+4,000 ms", "-12.5 ms", "+0 ms": signed, grouped by thousands, at most 3 decimals; locale-free. */
export function formatOffsetMs(ms: number): string {
  if (!Number.isFinite(ms)) return '? ms';
  const rounded = Math.round(ms * 1000) / 1000;
  const sign = rounded < 0 ? '-' : '+';
  const [int = '0', frac] = Math.abs(rounded).toFixed(3).replace(/\.?0+$/, '').split('.');
  return `${sign}${groupThousands(int)}${frac ? `.${frac}` : ''} ms`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface RowPacking {
  /** Sub-row per item, -1 for points (no end): ticks span the lane's full height. */
  row: Int32Array;
  /** Rows used per lane (at least 1). */
  rowsPerLane: Int32Array;
}

/**
 * Packs each lane's intervals into sub-rows so bars don't overlap: greedy first-fit in order of
 * start (ties by position) - each interval takes the lowest row whose last interval ended at or
 * before its start (touching bars share a row). Points (end NaN) are not packed.
 *
 * `start`/`end`/`lane` are parallel columns (EventColumns fits); they need not be sorted.
 * Cost is O(n log n + n x rows), fine for what a lane shows one by one.
 */
export function packLaneRows(
  start: Float64Array,
  end: Float64Array,
  lane: Int32Array,
  laneCount: number,
  length: number = start.length,
): RowPacking {
  const row = new Int32Array(length).fill(-1);
  const rowsPerLane = new Int32Array(laneCount).fill(1);
  let sorted = true;
  for (let i = 1; i < length && sorted; i++) if (start[i]! < start[i - 1]!) sorted = false;
  let order: ArrayLike<number>;
  if (sorted) order = { length } as ArrayLike<number>;
  else {
    const idx = Array.from({ length }, (_, i) => i);
    idx.sort((a, b) => start[a]! - start[b]! || a - b);
    order = idx;
  }
  const rowEnds: number[][] = Array.from({ length: laneCount }, () => []);
  for (let k = 0; k < length; k++) {
    const i = sorted ? k : order[k]!;
    const e = end[i]!;
    if (Number.isNaN(e)) continue;
    const l = lane[i]!;
    const ends = rowEnds[l];
    if (ends === undefined) continue;
    const s = start[i]!;
    let r = 0;
    while (r < ends.length && ends[r]! > s) r++;
    ends[r] = e;
    row[i] = r;
    if (r + 1 > rowsPerLane[l]!) rowsPerLane[l] = r + 1;
  }
  return { row, rowsPerLane };
}
