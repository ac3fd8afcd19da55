/**
 * Which strings of a collection occur more than once, asked once every occurrence was added:
 * `mayRepeat` is true for every string added twice or more, and false for most strings added
 * once. It answers from two bit sets indexed by the strings' hashes (hashOf, string-index.ts),
 * so it holds no strings and needs no table of them: a string added once is taken for a repeat
 * only when another string's hash shares its bit (for n distinct strings among the `expected`,
 * about n / (BITS_PER_STRING * expected) of them).
 *
 * Request identity uses it to keep ids that only one event holds (a trace id per log line) out
 * of its table of identifiers: such an id joins nothing, and a table of a million of them cost
 * more than everything else identity does.
 */

const BITS_PER_STRING = 8;

export class RepeatFilter {
  /** Bit set: a string with this hash was added. */
  private readonly once: Int32Array;
  /** Bit set: a string with this hash was added again (the same string or another). */
  private readonly twice: Int32Array;
  private readonly mask: number;
  /** Bits set in `twice`: at least one per distinct string added more than once. */
  repeatedBits = 0;

  /** `expected`: how many strings will be added, occurrences counted (an upper bound is fine). */
  constructor(expected: number) {
    let bits = 1024;
    while (bits < expected * BITS_PER_STRING) bits *= 2;
    this.once = new Int32Array(bits >>> 5);
    this.twice = new Int32Array(bits >>> 5);
    this.mask = bits - 1;
  }

  /** Adds an occurrence of the string whose hashOf is `hash`. */
  add(hash: number): void {
    const bit = hash & this.mask;
    const word = bit >>> 5;
    const flag = 1 << (bit & 31);
    if ((this.once[word]! & flag) === 0) this.once[word] = this.once[word]! | flag;
    else if ((this.twice[word]! & flag) === 0) {
      this.twice[word] = this.twice[word]! | flag;
      this.repeatedBits++;
    }
  }

  /** False only for a string (by its hashOf) added at most once. */
  mayRepeat(hash: number): boolean {
    const bit = hash & this.mask;
    return (this.twice[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}
