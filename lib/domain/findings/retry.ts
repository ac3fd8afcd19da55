/**
 * Signal retry (spec section 6, "other signals"; not a divergence): the same name repeated in
 * one request.
 *
 * Choices where the spec is silent:
 * - Repetitions count within one witness (clock domain): a client span and a server span of one
 *   call often share a name, and that is one call seen twice, not a retry.
 * - One signal per (request, witness, name), at the first repetition (the first retry), with
 *   every other occurrence as evidence; the summary says how many times it ran.
 * - Events without a name or an aligned time are not counted.
 */
import type { SignalFinding } from '../analysis/results';
import { FindingContext } from './context';
import { clock } from './describe';

export function findRetries(ctx: FindingContext): SignalFinding[] {
  const signals: SignalFinding[] = [];
  const { members } = ctx.groups;
  const { domainOf } = ctx.alignment;
  for (let g = 0; g < members.length; g++) {
    const list = members[g] as number[];
    if (list.length < 2) continue;
    const seen = new Map<string, number[]>();
    for (const e of list) {
      const name = ctx.event(e).name;
      if (name === null || Number.isNaN(ctx.alignedTs(e))) continue;
      const key = `${domainOf[e]}\u0000${name}`;
      const occurrences = seen.get(key);
      if (occurrences) occurrences.push(e);
      else seen.set(key, [e]);
    }
    for (const occurrences of seen.values()) {
      if (occurrences.length < 2) continue;
      const sorted = [...occurrences].sort((a, b) => ctx.alignedTs(a) - ctx.alignedTs(b) || a - b);
      const first = sorted[0] as number;
      const retry = sorted[1] as number;
      const at = ctx.alignedTs(retry);
      signals.push({
        kind: 'retry',
        at,
        event: retry,
        request: g,
        evidence: sorted.filter((e) => e !== retry),
        summary:
          `${ctx.witnessOf(retry)}: ${ctx.event(retry).name} ran ${sorted.length} times in request ${ctx.requestLabel(g)} ` +
          `(first at ${clock(ctx.alignedTs(first))}, again at ${clock(at)})`,
      });
    }
  }
  return signals;
}
