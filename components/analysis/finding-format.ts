/**
 * How findings, signals and their event references read in the UI. Times stay UTC with
 * milliseconds (an incident channel spans time zones, and findings are often milliseconds apart).
 */
import type { EventRef, FindingKind, SignalKind } from '../api/report-schemas';

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  conflict: 'conflict',
  stale_write: 'stale write',
  invariant: 'invariant',
  duplicate_effect: 'duplicate effect',
};

export const SIGNAL_KIND_LABELS: Record<SignalKind, string> = {
  http_5xx: 'HTTP 5xx',
  span_error: 'span error',
  retry: 'retry',
  reordered: 'reordered',
  no_response: 'no response',
};

/** `2026-11-20 10:02:03.830 UTC`; the input as written when it is not a date. */
export function formatAtUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 23)} UTC`;
}

/** `10:02:03.830`: the time of day alone, for lists whose findings share a date. */
export function formatTimeOfDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(11, 23);
}

/** Where in its source an event is: `line 49`, `entry #3`, `span 5f2a…`. */
export function locatorText(ref: EventRef): string {
  if ('line' in ref) return `line ${ref.line}`;
  if ('index' in ref) return `#${ref.index}`;
  return `span ${ref.spanId}`;
}

export function describeRef(ref: EventRef): string {
  return `${ref.source} ${locatorText(ref)}`;
}

/** A stable key for an event reference (React keys, equality). */
export function refKey(ref: EventRef): string {
  if ('line' in ref) return `${ref.source}\u0000line\u0000${ref.line}`;
  if ('index' in ref) return `${ref.source}\u0000index\u0000${ref.index}`;
  return `${ref.source}\u0000span\u0000${ref.spanId}`;
}

/** Counts per kind, in the order of `kinds`, leaving out kinds with none. */
export function countKinds<K extends string>(items: readonly { kind: K }[], kinds: readonly K[]): Array<[K, number]> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return kinds.flatMap((kind) => {
    const n = counts.get(kind) ?? 0;
    return n > 0 ? [[kind, n] as [K, number]] : [];
  });
}

const msFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A clock offset: `+1,200 ms`, `−3 ms`, `0 ms` (the sign says which way the host's clock is off). */
export function formatOffsetMs(ms: number): string {
  const rounded = Math.round(ms * 10) / 10;
  if (rounded === 0) return '0 ms';
  return `${rounded > 0 ? '+' : '−'}${msFormat.format(Math.abs(rounded))} ms`;
}

/** The range of offsets the constraints allow: `1,199 … 1,201 ms`. */
export function formatOffsetRange(range: readonly [number, number] | null): string {
  if (!range) return 'no range';
  const [lo, hi] = range;
  const f = (n: number) => (n < 0 ? `−${msFormat.format(-n)}` : msFormat.format(n));
  return `${f(lo)} … ${f(hi)} ms`;
}
