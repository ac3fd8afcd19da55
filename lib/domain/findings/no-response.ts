/**
 * Signal no_response (spec section 6, "other signals"; not a divergence): a HAR entry that never
 * got a response (status 0, or no status at all). Dated at the entry's start: it never ended.
 */
import type { SignalFinding } from '../analysis/results';
import { FindingContext } from './context';
import { clock } from './describe';

export function findNoResponses(ctx: FindingContext): SignalFinding[] {
  const signals: SignalFinding[] = [];
  const { events, sources } = ctx.input;
  for (let i = 0; i < events.length; i++) {
    if (events.unparsed[i] === 1 || sources[events.source[i]!]?.format !== 'har') continue;
    const status = events.status[i]!;
    if (status !== null && status !== '0') continue;
    const at = ctx.alignedTs(i);
    if (Number.isNaN(at)) continue;
    const message = events.message[i]!;
    const why = message && message !== 'no response' ? ` (${message})` : '';
    signals.push({
      kind: 'no_response',
      at,
      event: i,
      request: ctx.groups.groupOf[i] ?? -1,
      evidence: [],
      summary: `${ctx.witnessOf(i)}: ${events.name[i] ?? 'a request'} sent at ${clock(at)} never got a response${why}`,
    });
  }
  return signals;
}
