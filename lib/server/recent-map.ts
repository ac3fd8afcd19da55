/**
 * A Map that keeps only its `capacity` most recently used entries (a read counts as a use):
 * the in-process memo of analyses and clock offsets, where a few entries are worth their
 * memory and any more are not.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.dropOldest();
  }

  /** The most recently used value whose key matches, without counting this as a use. */
  newest(matches: (key: K) => boolean): V | undefined {
    let found: V | undefined;
    for (const [key, value] of this.entries) if (matches(key)) found = value;
    return found;
  }

  /** The values, least recently used first, without counting this as a use. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Drops the least recently used entry; false when there is none. */
  dropOldest(): boolean {
    const oldest = this.entries.keys().next();
    if (oldest.done) return false;
    this.entries.delete(oldest.value);
    return true;
  }

  clear(): void {
    this.entries.clear();
  }
}
