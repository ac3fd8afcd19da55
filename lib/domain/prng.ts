/**
 * A small deterministic PRNG (mulberry32) for the demo generator, benchmarks and tests: the same
 * seed gives the same numbers, byte for byte, on every machine (no Math.random, no clock).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** [0, 1). */
  float(): number {
    return this.next();
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `digits` lower-case hex digits. */
  hex(digits: number): string {
    let s = '';
    while (s.length < digits) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
  /** A short random word of lower-case letters and digits (ids such as `req_7f3k2m9q`). */
  token(length: number): string {
    const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}
