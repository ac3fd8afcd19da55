/**
 * The "whole incident" window the timeline opens on and resets to: the events' extent plus a
 * small margin, so the first and last ticks are not cut in half by the plot's edges, and at
 * least a second wide, so an incident of one instant still has a readable axis.
 */
import { paddedExtent, type TimeWindow } from '@/lib/domain/timeline/view-window';

export const EXTENT_MARGIN = 0.02;
export const MIN_EXTENT_MS = 1000;

export function displayExtent(range: readonly [number, number] | null): TimeWindow | null {
  if (range === null) return null;
  const ext = paddedExtent({ startMs: range[0], endMs: range[1] }, MIN_EXTENT_MS);
  if (ext === null) return null;
  const margin = (ext.endMs - ext.startMs) * EXTENT_MARGIN;
  return { startMs: ext.startMs - margin, endMs: ext.endMs + margin };
}
