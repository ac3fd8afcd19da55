/**
 * Findings on the timeline: a marker per divergence (large, filled) and per signal (smaller,
 * lighter), on the trigger's lane at the finding's time, and the first divergence as a line
 * through every lane. `at` is aligned time; drawn at rawness r it moves by r x the lane's offset
 * (raw = aligned + offsetMs), so in raw mode a marker still sits on its event.
 */
import type { FindingDto, InvestigationDto } from '@/lib/schemas/investigation';
import { laneInner, type LaneLayout } from './lane-layout';
import type { ViewScale } from './pick-event';
import { displayTime } from './time-shift';

export interface Marker {
  finding: FindingDto;
  divergence: boolean;
  /** The investigation's first divergence. */
  first: boolean;
}

export const MARKER_RADIUS_PX = { divergence: 6, signal: 4 } as const;

/**
 * Every finding and signal as a marker, in drawing order: signals first, then divergences, the
 * first divergence last, so the important ones are on top (hit testing walks it backwards).
 */
export function buildMarkers(investigation: Pick<InvestigationDto, 'findings' | 'signals' | 'firstDivergence'>): Marker[] {
  const first = investigation.firstDivergence;
  const signals = investigation.signals.map((finding): Marker => ({ finding, divergence: false, first: false }));
  const divergences = investigation.findings.map((finding, i): Marker => ({ finding, divergence: true, first: i === first }));
  divergences.sort((a, b) => Number(a.first) - Number(b.first));
  return [...signals, ...divergences];
}

export function markerRadius(marker: Marker): number {
  return marker.divergence ? MARKER_RADIUS_PX.divergence : MARKER_RADIUS_PX.signal;
}

/** The marker's time as drawn at `rawness` (0 aligned, 1 raw). */
export function markerTime(marker: Marker, laneOffsets: readonly number[], rawness: number): number {
  return displayTime(marker.finding.at, laneOffsets[marker.finding.lane] ?? 0, rawness);
}

export interface MarkerPosition {
  x: number;
  y: number;
  r: number;
}

/** The marker's centre: at its time on the x axis, near the top of its lane (clear of the ticks' base). */
export function markerPosition(marker: Marker, layout: LaneLayout, scale: ViewScale, laneOffsets: readonly number[], rawness: number): MarkerPosition {
  const inner = laneInner(layout, Math.max(0, Math.min(marker.finding.lane, layout.laneCount - 1)));
  const r = markerRadius(marker);
  return {
    x: (markerTime(marker, laneOffsets, rawness) - scale.startMs) * scale.pxPerMs,
    y: inner.top + Math.min(r, inner.height / 2),
    r,
  };
}

/** The topmost marker within its radius (plus `slackPx`) of the pointer, or null. */
export function hitMarker(
  markers: readonly Marker[],
  layout: LaneLayout,
  scale: ViewScale,
  laneOffsets: readonly number[],
  rawness: number,
  x: number,
  y: number,
  slackPx = 3,
): Marker | null {
  for (let i = markers.length - 1; i >= 0; i--) {
    const m = markers[i]!;
    const p = markerPosition(m, layout, scale, laneOffsets, rawness);
    const reach = p.r + slackPx;
    if (Math.abs(p.x - x) <= reach && Math.abs(p.y - y) <= reach) return m;
  }
  return null;
}

/** The x of the first-divergence line, or null when there is none. */
export function firstDivergenceX(markers: readonly Marker[], scale: ViewScale, laneOffsets: readonly number[], rawness: number): number | null {
  const first = markers.find((m) => m.first);
  return first ? (markerTime(first, laneOffsets, rawness) - scale.startMs) * scale.pxPerMs : null;
}
