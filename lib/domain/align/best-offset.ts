/**
 * The offset one pair of clock domains most agrees on (spec section 4): each constraint is a
 * closed interval of values of d = offset(B) - offset(A); the estimate is the value that the
 * most constraints contain (a sweep over sorted endpoints), and among those the midpoint of the
 * region that achieves that count. A few constraints that lie apart (a client applying a
 * response just after it arrived) cannot pull it: they only count where they overlap.
 *
 * Choices:
 * - Intervals are closed: two constraints touching at one value both hold there.
 * - Several disjoint regions may reach the same count (two requests whose windows do not
 *   overlap). With no evidence to prefer one, the region closest to 0 wins (clocks of hosts
 *   that share requests are more often nearly right than far off); if two are equally close,
 *   the lower one. `ambiguous` says it happened.
 * - Weighted constraints (one constraint standing for `w` contained events, see
 *   constraints.ts) count `w` times.
 */
import { sortedCopy } from './sort-float64';

/** Constraints of one pair, stored as parallel growable arrays. */
export class PairConstraints {
  lo: Float64Array;
  hi: Float64Array;
  /** Weight per constraint, allocated only once a weight other than 1 appears. */
  w: Float64Array | null = null;
  n = 0;
  /** Sum of the weights: the number of contained events behind the constraints. */
  total = 0;

  constructor(capacity = 64) {
    this.lo = new Float64Array(capacity);
    this.hi = new Float64Array(capacity);
  }

  push(lo: number, hi: number, weight = 1): void {
    if (this.n === this.lo.length) this.grow();
    if (weight !== 1 && this.w === null) {
      this.w = new Float64Array(this.lo.length).fill(1);
    }
    this.lo[this.n] = lo;
    this.hi[this.n] = hi;
    if (this.w !== null) this.w[this.n] = weight;
    this.n++;
    this.total += weight;
  }

  private grow(): void {
    const size = this.lo.length * 2;
    const lo = new Float64Array(size);
    lo.set(this.lo);
    const hi = new Float64Array(size);
    hi.set(this.hi);
    this.lo = lo;
    this.hi = hi;
    if (this.w !== null) {
      const w = new Float64Array(size).fill(1);
      w.set(this.w);
      this.w = w;
    }
  }
}

export interface OffsetEstimate {
  /** The value of d chosen: the midpoint of the region. */
  value: number;
  /** The region [lo, hi] of values that satisfy `count` constraints. */
  lo: number;
  hi: number;
  /** Constraints (weighted) satisfied in the region: the most any value satisfies. */
  count: number;
  /** All constraints of the pair (weighted). */
  total: number;
  /** True when another disjoint region reached the same count. */
  ambiguous: boolean;
}

function distanceToZero(lo: number, hi: number): number {
  return lo > 0 ? lo : hi < 0 ? -hi : 0;
}

export function bestOffset(pc: PairConstraints): OffsetEstimate | null {
  const n = pc.n;
  if (n === 0) return null;
  let max = 0;
  let regionLo = Number.NaN;
  let regionHi = Number.NaN;
  let regions = 0;
  let open = false;
  let openLo = 0;
  let count = 0;

  // Called when `count` just rose (at a start value) or is about to fall (at an end value).
  const onRise = (value: number): void => {
    if (count > max) {
      max = count;
      regions = 0;
      open = true;
      openLo = value;
    } else if (count === max) {
      open = true;
      openLo = value;
    }
  };
  const onFall = (value: number): void => {
    if (open && count === max) {
      open = false;
      if (regions === 0) {
        regionLo = openLo;
        regionHi = value;
      } else if (distanceToZero(openLo, value) < distanceToZero(regionLo, regionHi)) {
        regionLo = openLo;
        regionHi = value;
      }
      regions++;
    }
  };

  if (pc.w === null) {
    const lows = sortedCopy(pc.lo, n);
    const highs = sortedCopy(pc.hi, n);
    let i = 0;
    let j = 0;
    while (j < n) {
      // Starts before ends at equal values: closed intervals that touch overlap.
      if (i < n && lows[i]! <= highs[j]!) {
        count++;
        onRise(lows[i]!);
        i++;
      } else {
        onFall(highs[j]!);
        count--;
        j++;
      }
    }
  } else {
    const lo = pc.lo;
    const hi = pc.hi;
    const w = pc.w;
    const byLo = new Uint32Array(n);
    const byHi = new Uint32Array(n);
    for (let k = 0; k < n; k++) byLo[k] = byHi[k] = k;
    byLo.sort((a, b) => lo[a]! - lo[b]!);
    byHi.sort((a, b) => hi[a]! - hi[b]!);
    let i = 0;
    let j = 0;
    while (j < n) {
      if (i < n && lo[byLo[i]!]! <= hi[byHi[j]!]!) {
        const k = byLo[i]!;
        count += w[k]!;
        onRise(lo[k]!);
        i++;
      } else {
        const k = byHi[j]!;
        onFall(hi[k]!);
        count -= w[k]!;
        j++;
      }
    }
  }

  if (regions === 0) return null;
  return {
    value: (regionLo + regionHi) / 2,
    lo: regionLo,
    hi: regionHi,
    count: max,
    total: pc.total,
    ambiguous: regions > 1,
  };
}
