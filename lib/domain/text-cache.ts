/**
 * What a function gives for short texts that repeat (field names, level words), cached: records
 * of one source repeat a handful of them, and recomputing (`toLowerCase` returns a new string
 * even when nothing changes) was garbage per field per record.
 *
 * Bounded: at most `limit` entries, texts of at most `longest` characters (longer ones are
 * computed every time), each kept as a copy of its own. V8 represents a slice of 13 or more
 * characters as a view into its parent, so a cached name sliced from a decoded 64 KiB chunk
 * would otherwise keep the whole chunk alive.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly compute: (text: string) => V,
    private readonly limit: number,
    private readonly longest: number,
  ) {}

  get(text: string): V {
    let value = this.entries.get(text);
    if (value === undefined) {
      value = this.compute(text);
      if (this.entries.size < this.limit && text.length <= this.longest) {
        this.entries.set(detached(text), (typeof value === 'string' ? detached(value) : value) as V);
      }
    }
    return value;
  }
}

/** A copy of `s` that shares no memory with the string it came from (one copy, on a miss only). */
function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
