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
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!event || event.unparsed || Number.isNaN(ctx.alignedTs(i))) continue;
    const isSpan = 'spanId' in event.locator;
    const at = ctx.alignedSpan(i)[1];
    const what = event.name ?? event.message ?? 'a request';
    if (isSpan && (event.status === 'ERROR' || event.level === 'error')) {
      const why = event.message && event.message !== event.name ? `: ${event.message}` : '';
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
    const status = httpStatus(event.status);
    if (status !== null && status >= 500 && status <= 599) {
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
