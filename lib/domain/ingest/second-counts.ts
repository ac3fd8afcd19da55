/**
 * Events per second, accumulated while parsing: the rollup that lets the first view of a big
 * upload show an overview while its ingest continues (the EventSecond table), without reading
 * a million events back. Only events with a time count; `errors` are those at level error or
 * fatal, so the overview can show where the trouble is.
 *
 * Flat form (what crosses from the parse worker): [second, count, errors, second, count, ...],
 * `second` being floor(ts / 1000).
 */
import type { EpochMs } from '../event';

const ERROR_LEVELS: ReadonlySet<string> = new Set(['error', 'fatal']);

export class SecondCounts {
  private readonly at = new Map<number, number>();
  private flat: number[] = [];

  add(ts: EpochMs | null, level: string | null): void {
    if (ts === null) return;
    this.addCounts(Math.floor(ts / 1000), 1, level !== null && ERROR_LEVELS.has(level) ? 1 : 0);
  }

  /** Merges another batch's flat counts. */
  addFlat(flat: readonly number[]): void {
    for (let i = 0; i + 2 < flat.length; i += 3) this.addCounts(flat[i]!, flat[i + 1]!, flat[i + 2]!);
  }

  get size(): number {
    return this.at.size;
  }

  /** The counts so far, flat, and starts again from nothing. */
  take(): number[] {
    const flat = this.flat;
    this.flat = [];
    this.at.clear();
    return flat;
  }

  private addCounts(second: number, count: number, errors: number): void {
    const index = this.at.get(second);
    if (index === undefined) {
      this.at.set(second, this.flat.length);
      this.flat.push(second, count, errors);
    } else {
      this.flat[index + 1]! += count;
      this.flat[index + 2]! += errors;
    }
  }
}
