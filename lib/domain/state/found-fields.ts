/**
 * The values a FieldFinder found in one record, by lower-cased name: a fixed slot per name the
 * finder looks for, reused record after record. `clear()` is O(1) and allocates nothing (it
 * moves to a new generation), where `Map.prototype.clear` allocates a fresh table every time:
 * over the 1M events of an analysis that table was ~170 MB of garbage, and on a machine where
 * fresh memory is slow the state stage took twice as long for it.
 */

/** Where FieldFinder.scan writes: a FoundFields, or a plain Map for a one-off record. */
export interface FieldSink {
  has(name: string): boolean;
  set(name: string, value: unknown): unknown;
}

/** What the readers of found values need: a FoundFields or a Map. */
export interface FieldValues {
  has(name: string): boolean;
  get(name: string): unknown;
}

export class FoundFields implements FieldSink, FieldValues {
  private readonly slots = new Map<string, number>();
  private readonly values: unknown[];
  /** stamps[i] === generation: slot i holds a value of the current record (doubles: never wrap). */
  private readonly stamps: Float64Array;
  private generation = 1;

  constructor(names: Iterable<string>) {
    for (const name of names) if (!this.slots.has(name)) this.slots.set(name, this.slots.size);
    this.values = new Array<unknown>(this.slots.size).fill(undefined);
    this.stamps = new Float64Array(this.slots.size);
  }

  clear(): void {
    // Old values stay in their slots, unreachable through the stamps, until overwritten.
    this.generation++;
  }

  has(name: string): boolean {
    const slot = this.slots.get(name);
    return slot !== undefined && this.stamps[slot] === this.generation;
  }

  get(name: string): unknown {
    const slot = this.slots.get(name);
    return slot !== undefined && this.stamps[slot] === this.generation ? this.values[slot] : undefined;
  }

  /** Names the finder does not look for have no slot and are ignored. */
  set(name: string, value: unknown): this {
    const slot = this.slots.get(name);
    if (slot !== undefined) {
      this.values[slot] = value;
      this.stamps[slot] = this.generation;
    }
    return this;
  }
}
