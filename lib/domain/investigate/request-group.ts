/**
 * The request group (spec section 3) named by any of its identifiers, as a person pastes one:
 * exactly as written, else normalized as a trace id (lower-case hex, 64-bit ids padded), the way
 * the parsers normalized it. A linear scan of the identifiers: one per lookup, no index to keep.
 */
import { normalizeTraceId } from '../parse/fields/ids';
import type { RequestGroups } from '../analysis/results';

function groupHolding(groups: RequestGroups, value: string): number {
  const { identifiers } = groups;
  for (let g = 0; g < identifiers.length; g++) if (identifiers[g]!.includes(value)) return g;
  return -1;
}

/** The group's index, or -1 when no group has that identifier. */
export function findRequestGroup(groups: RequestGroups, key: string): number {
  const exact = groupHolding(groups, key);
  if (exact >= 0) return exact;
  const trace = normalizeTraceId(key);
  return trace !== null && trace !== key ? groupHolding(groups, trace) : -1;
}
