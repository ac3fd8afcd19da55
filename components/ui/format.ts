/** Display formatting for the UI. Times are always UTC: an incident channel spans time zones. */

/** ISO 8601 in UTC with milliseconds, e.g. `2024-05-01T02:13:07.412Z`; an em dash for no time. */
export function formatTimestamp(ts: number | null | undefined): string {
  if (ts === null || ts === undefined || !Number.isFinite(ts)) return '—';
  const date = new Date(ts);
  return Number.isNaN(date.getTime()) ? '—' : date.toISOString();
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** A created-at style date: UTC, minute precision, stable between server and client renders. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `1 event`, `3 events`, `1,204 events`. */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** `2012-02-08 22:56:50` style pieces of a UTC instant: [date, time to the second, milliseconds]. */
function utcParts(ts: number): [string, string, string] {
  const iso = new Date(ts).toISOString();
  return [iso.slice(0, 10), iso.slice(11, 19), iso.slice(19, 23)];
}

/**
 * A time range short enough for a table cell: the date once when both ends share it, seconds
 * precision, milliseconds only when the ends fall in the same second (a trace of one request).
 * The full ISO range belongs in a tooltip or the expanded detail.
 */
export function formatTimeRange(first: number | null, last: number | null): string {
  if (first === null || !Number.isFinite(first)) return '—';
  const end = last !== null && Number.isFinite(last) ? last : first;
  const [d1, t1, ms1] = utcParts(first);
  const [d2, t2, ms2] = utcParts(end);
  if (d1 !== d2) return `${d1} ${t1} → ${d2} ${t2}`;
  if (t1 !== t2) return `${d1} ${t1} → ${t2}`;
  return ms1 === ms2 ? `${d1} ${t1}${ms1}` : `${d1} ${t1}${ms1} → ${t2}${ms2}`;
}

/** A span in the largest two units that matter: `850 ms`, `47 s`, `1 min 30 s`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return s % 60 === 0 ? `${min} min` : `${min} min ${s % 60} s`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}
