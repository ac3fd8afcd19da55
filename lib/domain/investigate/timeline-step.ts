/**
 * Stepping through the timeline one event at a time (the keyboard's next/previous event), in
 * the time order of one mode: the order of the timeline columns (start time, ties by event
 * index, i.e. source order then record order). Events without a time are not on the timeline
 * and have no neighbours.
 */
import { lowerBound, type EventColumns } from '../timeline/columnar-events';

export type StepDirection = 'next' | 'prev';

/** Column position per event index, -1 for events the columns leave out (no time). */
export function columnPositions(columns: EventColumns, eventCount: number): Int32Array {
  const positions = new Int32Array(eventCount).fill(-1);
  for (let k = 0; k < columns.length; k++) positions[columns.event[k]!] = k;
  return positions;
}

/** The position after or before the event's, or null at either end or for an untimed event. */
export function stepFromEvent(columns: EventColumns, positions: Int32Array, event: number, dir: StepDirection): number | null {
  const at = positions[event] ?? -1;
  if (at < 0) return null;
  const next = dir === 'next' ? at + 1 : at - 1;
  return next >= 0 && next < columns.length ? next : null;
}

/**
 * Without an event: `next` is the first event starting at or after `from` (the first of all
 * without it), `prev` the last one starting before `to` (the last of all without it).
 */
export function stepFromTime(columns: EventColumns, dir: StepDirection, bounds: { from?: number; to?: number }): number | null {
  if (dir === 'next') {
    const k = bounds.from === undefined ? 0 : lowerBound(columns.start, bounds.from, columns.length);
    return k < columns.length ? k : null;
  }
  const k = (bounds.to === undefined ? columns.length : lowerBound(columns.start, bounds.to, columns.length)) - 1;
  return k >= 0 ? k : null;
}
