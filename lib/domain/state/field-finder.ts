/**
 * Finds a fixed set of field names in records, the way spec section 2 addresses fields: names
 * match case-insensitively, and `a.b` names both a flat key "a.b" and `{a: {b}}`.
 *
 * One pass over a record's own keys answers every name at once, so the cost per record is its
 * number of keys, whatever the number of profile fields. Lower-cased key spellings are cached:
 * records of one source repeat the same keys.
 */
import { isObject } from '../parse/json-values';
import { type FieldSink, FoundFields } from './found-fields';
import { TextCache } from '../text-cache';

export class FieldFinder {
  /** Lower-cased names looked for. */
  private readonly names = new Set<string>();
  /** First segment (lower case) -> the dotted names that start with it, as segments. */
  private readonly dotted = new Map<string, string[][]>();
  private readonly lowerCache = new TextCache((key) => key.toLowerCase(), 50_000, 64);

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const lower = name.toLowerCase();
      this.names.add(lower);
      const dot = lower.indexOf('.');
      if (dot > 0) {
        const first = lower.slice(0, dot);
        const list = this.dotted.get(first) ?? [];
        list.push(lower.split('.'));
        this.dotted.set(first, list);
      }
    }
  }

  has(name: string): boolean {
    return this.names.has(name.toLowerCase());
  }

  /** A reusable sink with a slot for each name looked for (cleared per record without garbage). */
  foundFields(): FoundFields {
    return new FoundFields(this.names);
  }

  lower(key: string): string {
    return this.lowerCache.get(key);
  }

  /**
   * Puts into `out` (keyed by lower-cased name) the value of each name found in `record`; a
   * name already in `out` is kept (earlier scans win), and within a record a flat key wins over
   * a nested path.
   */
  scan(record: Record<string, unknown>, out: FieldSink): void {
    let nested: [string[], unknown][] | null = null;
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const value = record[key];
      const lower = this.lower(key);
      if (this.names.has(lower) && !out.has(lower)) out.set(lower, value);
      if (this.dotted.size > 0 && isObject(value)) {
        const paths = this.dotted.get(lower);
        if (paths) for (const path of paths) (nested ??= []).push([path, value]);
      }
    }
    if (nested === null) return;
    for (const [path, value] of nested) {
      const name = path.join('.');
      if (out.has(name)) continue;
      const found = this.walk(value, path, 1);
      if (found !== undefined) out.set(name, found);
    }
  }

  private walk(value: unknown, path: string[], at: number): unknown {
    if (at === path.length) return value;
    if (!isObject(value)) return undefined;
    const want = path[at] as string;
    const rest = path.slice(at).join('.');
    for (const key in value) {
      const lower = this.lower(key);
      // A flat remainder ("b.c" inside {a: {"b.c": 1}}) counts too.
      if (lower === rest) return value[key];
      if (lower === want) {
        const found = this.walk(value[key], path, at + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
}
