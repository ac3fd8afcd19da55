/**
 * Raw and aligned time as one continuum, so the time-mode toggle can slide each lane by its own
 * offset instead of jumping: rawness 0 draws aligned time, 1 raw time, values between are the
 * animation. raw = aligned + offsetMs (spec section 4: aligned = raw - the domain's offset).
 *
 * Data fetched in one mode keeps being drawn after the toggle by shifting each lane, which is
 * exact for events (their aligned time is their raw time minus their lane's offset) and for bins
 * (counted per lane).
 */
import type { TimeModeDto } from '@/lib/schemas/investigation';

export function modeRawness(mode: TimeModeDto): number {
  return mode === 'raw' ? 1 : 0;
}

/** Where an aligned time is drawn at `rawness`. */
export function displayTime(alignedMs: number, offsetMs: number, rawness: number): number {
  return alignedMs + rawness * offsetMs;
}

/** Per lane, what to add to times held in `dataMode` to draw them at `rawness`. */
export function laneShifts(offsets: readonly number[], dataMode: TimeModeDto, rawness: number, out?: Float64Array): Float64Array {
  const shifts = out && out.length === offsets.length ? out : new Float64Array(offsets.length);
  const k = rawness - modeRawness(dataMode);
  for (let i = 0; i < offsets.length; i++) shifts[i] = k * (offsets[i] ?? 0);
  return shifts;
}

/** Ease in and out, for the toggle's slide (about 300 ms). */
export function easeInOut(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2;
}
