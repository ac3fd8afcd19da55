/**
 * The request group (spec section 3) named by any of its identifiers, as a person pastes one:
 * exactly as written, else normalized as a trace id (lower-case hex, 64-bit ids padded), the way
 * the parsers normalized it. Through an index of every identifier, built once per analysis's
 * groups on the first lookup: a linear scan of 100,000 groups' identifiers took 8 ms a lookup.
 */
import { normalizeTraceId } from '../parse/fields/ids';
import type { RequestGroups } from '../analysis/results';

const indexes = new WeakMap<RequestGroups, Map<string, number>>();

/** Identifier -> the first group holding it. */
function indexOf(groups: RequestGroups): Map<string, number> {
  let index = indexes.get(groups);
  if (index === undefined) {
    index = new Map();
    const { identifiers } = groups;
    for (let g = 0; g < identifiers.length; g++) {
      for (const value of identifiers[g]!) if (!index.has(value)) index.set(value, g);
    }
    indexes.set(groups, index);
  }
  return index;
}

/** The group's index, or -1 when no group has that identifier. */
export function findRequestGroup(groups: RequestGroups, key: string): number {
  const index = indexOf(groups);
  const exact = index.get(key);
  if (exact !== undefined) return exact;
  const trace = normalizeTraceId(key);
  return (trace !== null && trace !== key ? index.get(trace) : undefined) ?? -1;
}
