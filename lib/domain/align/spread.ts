/**
 * From pairwise estimates to one offset per domain (spec section 4).
 *
 * - Two domains share requests when at least one containment constraint links them (an edge).
 * - The reference (offset 0) is the domain with the most neighbours; ties go to the earliest
 *   domain (source order, then first-seen service).
 * - Offsets spread along a maximum spanning forest: the strongest pairs (most constraints
 *   satisfied at the estimate; then most constraints in all; then domain order) are used first,
 *   and offset(child) = offset(parent) + d(parent -> child), with d(b -> a) = -d(a -> b).
 * - Manual overrides win and anchor: an overridden domain takes its value, and the domains
 *   reached through it are placed relative to that value (an override says where a clock
 *   really is, so what the evidence ties to it follows). The reference keeps anchoring its
 *   component at 0 unless it is overridden itself.
 * - Components not linked to the reference's: each has its own reference (same rule) at 0,
 *   so its domains are ordered correctly among themselves; they are `aligned` (their offsets
 *   come from shared requests) but only relative to each other. An override inside such a
 *   component replaces its reference as the anchor, so pinning one of its domains moves the
 *   whole component onto the main timeline.
 * - A domain that shares no request and is not overridden keeps 0 and is unaligned.
 */
import type { OffsetEstimate } from './best-offset';

export interface PairEdge {
  /** a < b; `estimate` is for offset(b) - offset(a). */
  a: number;
  b: number;
  estimate: OffsetEstimate;
}

export interface SpreadDomain {
  offsetMs: number;
  offsetRangeMs: [number, number] | null;
  constraints: number;
  aligned: boolean;
  overridden: boolean;
  /** The domain this one's offset was derived from (-1 for anchors and unaligned domains). */
  parent: number;
}

export interface Spread {
  domains: SpreadDomain[];
  reference: number;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const gp = parent[parent[x]!]!;
    parent[x] = gp;
    x = gp;
  }
  return x;
}

export function spreadOffsets(
  domainCount: number,
  edges: ReadonlyArray<PairEdge>,
  overrides: ReadonlyArray<number | null>,
): Spread {
  const D = domainCount;
  if (D === 0) return { domains: [], reference: -1 };

  const degree = new Int32Array(D);
  const comp = new Int32Array(D);
  for (let d = 0; d < D; d++) comp[d] = d;
  for (const { a, b } of edges) {
    degree[a] = degree[a]! + 1;
    degree[b] = degree[b]! + 1;
    const ra = find(comp, a);
    const rb = find(comp, b);
    if (ra !== rb) comp[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const componentOf = new Int32Array(D);
  const componentSize = new Int32Array(D);
  for (let d = 0; d < D; d++) {
    const r = find(comp, d);
    componentOf[d] = r;
    componentSize[r] = componentSize[r]! + 1;
  }

  // Reference overall, and per component (the most neighbours, then the earliest domain).
  let reference = 0;
  const componentRef = new Int32Array(D).fill(-1);
  const componentOverridden = new Uint8Array(D);
  for (let d = 0; d < D; d++) {
    if (degree[d]! > degree[reference]!) reference = d;
    const c = componentOf[d]!;
    const r = componentRef[c]!;
    if (r < 0 || degree[d]! > degree[r]!) componentRef[c] = d;
    if (overrides[d] !== null && overrides[d] !== undefined) componentOverridden[c] = 1;
  }
  const mainComponent = componentOf[reference]!;

  // Anchors: overrides; the main reference; the reference of every other component that has
  // no override.
  const offset = new Float64Array(D);
  const placed = new Uint8Array(D);
  const anchors: number[] = [];
  for (let d = 0; d < D; d++) {
    const o = overrides[d];
    const c = componentOf[d]!;
    if (o !== null && o !== undefined) {
      offset[d] = o;
    } else if (d === reference || (c !== mainComponent && componentRef[c] === d && componentOverridden[c] === 0)) {
      offset[d] = 0;
    } else continue;
    placed[d] = 1;
    anchors.push(d);
  }

  // Maximum spanning forest with all anchors contracted into one node (index D).
  const order = edges.map((_, i) => i);
  order.sort((i, j) => {
    const x = edges[i]!;
    const y = edges[j]!;
    return (
      y.estimate.count - x.estimate.count || y.estimate.total - x.estimate.total || x.a - y.a || x.b - y.b
    );
  });
  const forest = new Int32Array(D + 1);
  for (let d = 0; d <= D; d++) forest[d] = d;
  for (const d of anchors) forest[d] = D;
  const tree: number[][] = Array.from({ length: D }, () => []);
  for (const i of order) {
    const { a, b } = edges[i]!;
    const ra = find(forest, a);
    const rb = find(forest, b);
    if (ra === rb) continue;
    forest[Math.min(ra, rb)] = Math.max(ra, rb); // D stays a root
    tree[a]!.push(i);
    tree[b]!.push(i);
  }

  const result: SpreadDomain[] = [];
  for (let d = 0; d < D; d++) {
    const overridden = overrides[d] !== null && overrides[d] !== undefined;
    result.push({
      offsetMs: offset[d]!,
      offsetRangeMs: null,
      constraints: 0,
      aligned: overridden || componentSize[componentOf[d]!]! > 1,
      overridden,
      parent: -1,
    });
  }

  // Walk the forest from the anchors, in domain order.
  const queue = anchors.slice();
  for (let q = 0; q < queue.length; q++) {
    const p = queue[q]!;
    for (const i of tree[p]!) {
      const { a, b, estimate } = edges[i]!;
      const child = a === p ? b : a;
      if (placed[child] === 1) continue;
      placed[child] = 1;
      const base = offset[p]!;
      let lo: number;
      let hi: number;
      let value: number;
      if (a === p) {
        value = base + estimate.value;
        lo = base + estimate.lo;
        hi = base + estimate.hi;
      } else {
        value = base - estimate.value;
        lo = base - estimate.hi;
        hi = base - estimate.lo;
      }
      offset[child] = value;
      const r = result[child]!;
      r.offsetMs = value;
      r.offsetRangeMs = [lo, hi];
      r.constraints = estimate.count;
      r.parent = p;
      queue.push(child);
    }
  }

  // Anchors: the constraints of the tree edges that tie them to the others.
  for (const d of anchors) {
    const r = result[d]!;
    let sum = 0;
    for (const i of tree[d]!) sum += edges[i]!.estimate.count;
    r.constraints = sum;
    if (r.aligned) r.offsetRangeMs = [r.offsetMs, r.offsetMs];
  }
  return { domains: result, reference };
}
