/**
 * A growable Int32Array: an append-only list of integers without a JavaScript array's per-element
 * boxing, for the hot loops of the analysis (union-find nodes, constraint pairs). `data` may be
 * longer than `length`; only the first `length` entries are meaningful.
 */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}
