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
    // (witness, name) -> occurrences. Requests hold few events: a linear search, then an index.
    const keys: { domain: number; name: string; occurrences: number[] }[] = [];
    let index: Map<string, (typeof keys)[number]> | null = null;
    for (const e of list) {
      const name = ctx.input.events.name[e]!;
      if (name === null || Number.isNaN(ctx.alignedTs(e))) continue;
      const domain = domainOf[e] as number;
      let entry: (typeof keys)[number] | undefined;
      if (index !== null) entry = index.get(`${domain}\u0000${name}`);
      else {
        for (const k of keys) {
          if (k.domain === domain && k.name === name) {
            entry = k;
            break;
          }
        }
      }
      if (entry) {
        entry.occurrences.push(e);
        continue;
      }
      entry = { domain, name, occurrences: [e] };
      keys.push(entry);
      if (index !== null) index.set(`${domain}\u0000${name}`, entry);
      else if (keys.length === 32) index = new Map(keys.map((k) => [`${k.domain}\u0000${k.name}`, k]));
    }
    for (const { occurrences } of keys) {
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
