/**
 * `docker compose up` / `docker compose logs` output: each line is `name-1  | text`, the name
 * padded to a common width, often with terminal escapes (strip them first, ./ansi.ts).
 *
 * Model: the name is the container; its service is the name without the replica suffix
 * (`web-1`, `web_1` -> `web`), so replicas of one service share a clock domain, as pods of one
 * deployment do (record.ts workloadOfPod). Compose adds no time of its own (unless run with
 * `--timestamps`, which puts an RFC 3339 time first in the text): the text may carry one.
 * Redis' own format is common enough in compose stacks to read here:
 * `1:M 25 Apr 2024 05:32:35.019 * text` (pid:role, local time taken as UTC, level mark).
 */
import type { EpochMs } from '../event';

export interface ComposeLine {
  container: string;
  service: string;
  /** The container's text, after `| `. */
  body: string;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c === 46;
}

/** `name  | body` (at least one space before the bar), or null. */
export function splitComposePrefix(line: string): ComposeLine | null {
  let i = 0;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  if (i === 0 || line.charCodeAt(i) !== 32) return null;
  const container = line.slice(0, i);
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 124) return null; // '|'
  const next = line.charCodeAt(i + 1);
  if (!Number.isNaN(next) && next !== 32) return null;
  return { container, service: container.replace(/[-_]\d+$/, ''), body: line.slice(i + 2) };
}

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

/** Redis log marks: `.` debug, `-` verbose, `*` notice, `#` warning. */
const REDIS_LEVELS: Record<string, string> = { '.': 'debug', '-': 'trace', '*': 'info', '#': 'warn' };

const REDIS_LINE = /^(\d+):([A-Z]) (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? ([.\-*#]) ?(.*)$/;

export function parseRedisLine(
  body: string,
): { ts: EpochMs; level: string | null; message: string; fields: Record<string, unknown> } | null {
  const m = REDIS_LINE.exec(body);
  if (!m) return null;
  const month = MONTHS[m[4] as string];
  if (month === undefined) return null;
  const ms = m[9] ? Number(m[9].padEnd(3, '0')) : 0;
  const ts = Date.UTC(Number(m[5]), month, Number(m[3]), Number(m[6]), Number(m[7]), Number(m[8]), ms);
  return {
    ts,
    level: REDIS_LEVELS[m[10] as string] ?? null,
    message: m[11] ?? '',
    fields: { pid: m[1], role: m[2] },
  };
}
