/**
 * Words and numbers for findings' one-line summaries: times as HH:MM:SS.mmm (UTC, aligned),
 * durations a person reads at a glance, values as they were said.
 */
import type { StateValue } from '../analysis/results';

const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Aligned epoch ms -> `10:00:05.250` (UTC; fractions of a millisecond dropped). */
export function clock(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--:--.---';
  const t = ((Math.floor(ms) % DAY_MS) + DAY_MS) % DAY_MS;
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(t % 1000, 3)}`;
}

/** `850 ms`, `3.2 s`, `2 min 5 s`, `1 h 2 min`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const totalS = Math.floor(ms / 1000);
  if (ms < 3_600_000) return `${Math.floor(totalS / 60)} min ${totalS % 60} s`;
  const totalMin = Math.floor(totalS / 60);
  return `${Math.floor(totalMin / 60)} h ${totalMin % 60} min`;
}

/** A value as a person would write it: `7`, `true`, `paid`, `"two words"`, `null`. */
export function valueText(value: StateValue | undefined): string {
  if (value === undefined) return '(nothing)';
  if (typeof value === 'string') return /^[^\s"=,]+$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}

/** `a, b and c`. */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
