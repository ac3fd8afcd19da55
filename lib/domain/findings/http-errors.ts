/**
 * Signals http_5xx and span_error (spec section 6, "other signals"; not divergences).
 *
 * Rules.
 * - span_error: a span (an event whose locator is a span id) with status ERROR or level error.
 * - http_5xx: any other event whose status is an HTTP status 500-599 (HAR entries, access-log
 *   lines, logs with a status field, spans whose status fell back to an HTTP status tag).
 * One signal per event (a span with status ERROR is a span error even with a 5xx tag), dated
 * when the work ended (the aligned end of its interval); events without time give none.
 */
import type { SignalFinding } from '../analysis/results';
import { FindingContext } from './context';
import { clock } from './describe';

function httpStatus(status: string | null): number | null {
  if (status === null || status.length !== 3) return null;
  const n = Number(status);
  return Number.isInteger(n) ? n : null;
}

export function findHttpErrors(ctx: FindingContext): SignalFinding[] {
  const signals: SignalFinding[] = [];
  const events = ctx.input.events;
  const { name, message, status: statusOf, level } = events;
  for (let i = 0; i < events.length; i++) {
    if (events.unparsed[i] === 1 || Number.isNaN(ctx.alignedTs(i))) continue;
    const isSpan = events.isSpan(i);
    if (isSpan && (statusOf[i] === 'ERROR' || level[i] === 'error')) {
      const at = ctx.alignedSpan(i)[1];
      const what = name[i] ?? message[i] ?? 'a request';
      const why = message[i] && message[i] !== name[i] ? `: ${message[i]}` : '';
      signals.push({
        kind: 'span_error',
        at,
        event: i,
        request: ctx.groups.groupOf[i] ?? -1,
        evidence: [],
        summary: `${ctx.witnessOf(i)}: span ${what} failed at ${clock(at)}${why}`,
      });
      continue;
    }
    const status = httpStatus(statusOf[i]!);
    if (status !== null && status >= 500 && status <= 599) {
      const at = ctx.alignedSpan(i)[1];
      const what = name[i] ?? message[i] ?? 'a request';
      signals.push({
        kind: 'http_5xx',
        at,
        event: i,
        request: ctx.groups.groupOf[i] ?? -1,
        evidence: [],
        summary: `${ctx.witnessOf(i)}: ${what} answered ${status} at ${clock(at)}`,
      });
    }
  }
  return signals;
}
