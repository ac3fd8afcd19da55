/**
 * The (trace id, span id) pairs a trace parser has seen, for its `duplicate-span-id` check, in
 * about 24-48 bytes a span instead of the ~150 a `Set` of `${traceId}/${spanId}` strings takes.
 *
 * Why: the check must remember every span of the file, and with strings a 1M-span OTLP file
 * alone filled most of the parse worker's 192 MB heap (ERR_WORKER_OUT_OF_MEMORY). Nearly every
 * id is normalized lower-case hex (32 digits for a trace, 16 for a span: normalizeTraceId /
 * normalizeSpanId), i.e. 24 bytes, which go as six 32-bit words into an open-addressing table
 * in a typed array (outside the JS heap, and nothing for the collector to trace). Any other
 * pair (a short trace id, a non-hex id) goes into a string Set, exactly as before.
 *
 * Exact, no hashing shortcut: a pair is reported as seen only when the same pair was added.
 * An all-zero row marks an empty slot: a missing trace id is stored as zeros (an all-zero trace
 * id normalizes to null, so it cannot collide), and a span id is never all zeros (null too).
 */
const WORDS = 6;
const INITIAL_SLOTS = 1 << 12;

/** The 8 hex digits (lower case) at `from` as a 32-bit word, or -1 when one is not hex. */
function hexWord(s: string, from: number): number {
  let word = 0;
  for (let i = from; i < from + 8; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return -1;
    word = (word << 4) | digit;
  }
  return word >>> 0;
}

export class SpanKeySet {
  private table = new Uint32Array(INITIAL_SLOTS * WORDS);
  private slots = INITIAL_SLOTS;
  private used = 0;
  private readonly others = new Set<string>();
  private readonly key = new Uint32Array(WORDS);

  /** Adds the pair; true when it was new, false when it had been added before. */
  add(traceId: string | null, spanId: string): boolean {
    if (!this.pack(traceId, spanId)) {
      const key = `${traceId ?? ''}/${spanId}`;
      if (this.others.has(key)) return false;
      this.others.add(key);
      return true;
    }
    if (this.find(this.table, this.slots, this.key) >= 0) return false;
    if ((this.used + 1) * 4 > this.slots * 3) this.grow();
    this.insert(this.table, this.slots, this.key);
    this.used++;
    return true;
  }

  get size(): number {
    return this.used + this.others.size;
  }

  /** The pair as six words in `this.key`; false when it is not 32 + 16 lower-case hex digits. */
  private pack(traceId: string | null, spanId: string): boolean {
    if (spanId.length !== 16 || (traceId !== null && traceId.length !== 32)) return false;
    const k = this.key;
    for (let w = 0; w < 4; w++) {
      const word = traceId === null ? 0 : hexWord(traceId, w * 8);
      if (word < 0) return false;
      k[w] = word;
    }
    for (let w = 0; w < 2; w++) {
      const word = hexWord(spanId, w * 8);
      if (word < 0) return false;
      k[4 + w] = word;
    }
    return true;
  }

  /** The slot holding `key` in `table`, or -(the empty slot where it would go) - 1. */
  private find(table: Uint32Array, slots: number, key: Uint32Array): number {
    const mask = slots - 1;
    // Span ids are random bits: the span's low word mixed with the trace's spreads them well.
    let slot = (Math.imul(key[5]! ^ key[3]!, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = slot * WORDS;
      let empty = true;
      let same = true;
      for (let w = 0; w < WORDS; w++) {
        const v = table[at + w]!;
        if (v !== 0) empty = false;
        if (v !== key[w]) same = false;
      }
      if (empty) return -slot - 1;
      if (same) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private insert(table: Uint32Array, slots: number, key: Uint32Array): void {
    const slot = -this.find(table, slots, key) - 1;
    table.set(key, slot * WORDS);
  }

  private grow(): void {
    const slots = this.slots * 2;
    const table = new Uint32Array(slots * WORDS);
    const old = this.table;
    const key = new Uint32Array(WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      let empty = true;
      for (let w = 0; w < WORDS; w++) if ((key[w] = old[at + w]!) !== 0) empty = false;
      if (!empty) this.insert(table, slots, key);
    }
    this.table = table;
    this.slots = slots;
  }
}
