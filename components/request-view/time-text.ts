/**
 * Times as the request and entity views print them: aligned, UTC, to the millisecond (the
 * events of one request are often milliseconds apart, and an incident channel spans time zones).
 */
import { formatInstant } from '@/lib/domain/timeline/scale';

/** `10:02:03.830` (UTC); an em dash for an untimed event. */
export function timeOfDay(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString().slice(11, 23);
}

/** `2026-11-20 10:02:03.830Z`: for titles and screen readers, where the date matters. */
export function fullTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'no time';
  return formatInstant(ms);
}

/** A request's length: `850 ms`, `1.25 s`, `42.5 s`, `3 min 20 s`. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  const min = Math.floor(s / 60);
  return s % 60 === 0 ? `${min} min` : `${min} min ${s % 60} s`;
}
