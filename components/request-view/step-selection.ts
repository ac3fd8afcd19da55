/**
 * Stepping through a view's events with the keyboard ('witness:step'): the next or previous
 * event in the view's order. Several rows can be one event (an event that observed a field
 * twice), so a step skips rows of the event already selected instead of staying put.
 */

/**
 * The event `dir` steps away from `current` in `ids` (view order, repeats allowed). Without a
 * selection in the list, stepping forward starts at the first event and back at the last. At
 * either end the selection stays. Null only for an empty list.
 */
export function stepEventId(ids: readonly number[], current: number | null, dir: 1 | -1): number | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : dir > 0 ? ids.lastIndexOf(current) : ids.indexOf(current);
  if (at < 0) return dir > 0 ? ids[0]! : ids[ids.length - 1]!;
  for (let i = at + dir; i >= 0 && i < ids.length; i += dir) {
    if (ids[i] !== current) return ids[i]!;
  }
  return current;
}
