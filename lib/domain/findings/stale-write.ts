/**
 * stale_write (spec 6.2): completion order is not intent order.
 *
 * Rule. An observation of E.F by a witness that carries a request identity *applies* that
 * request's result. When a witness applies, for the same E.F, the result of request R right
 * after it applied the result of another request R', and R started before R' (a request's
 * start is the earliest aligned time of its events, spec section 3), the later apply is stale.
 *
 * Choices where the spec is silent:
 * - "Right after" compares consecutive applies of the witness for E.F; observations without a
 *   request identity are not applies and neither break nor form a pair.
 * - Re-applying the same request (R then R) is not a new pair: the last apply stays R.
 * - An apply that leaves the value unchanged (R's result equals R''s) is not reported: the held
 *   state is not wrong, whatever the order.
 * - Requests without a start time (no timed event) are never compared.
 * - One finding per stale apply: at the stale observation, concerning E.F and request R; the
 *   evidence is the previous apply (R') and the first events of R and R'.
 */
import type { DivergenceFinding, Observation } from '../analysis/results';
import { FindingContext, evidenceOf } from './context';
import { clock, valueText } from './describe';

export function findStaleWrites(ctx: FindingContext): DivergenceFinding[] {
  const { groupOf, start, members } = ctx.groups;
  const findings: DivergenceFinding[] = [];
  for (const group of ctx.byEntityField) {
    // Last apply per witness for this E.F.
    const last = new Map<number, Observation>();
    for (const o of group) {
      const r = groupOf[o.event] ?? -1;
      if (r < 0) continue;
      const previous = last.get(o.domain);
      last.set(o.domain, o);
      if (previous === undefined) continue;
      const rPrev = groupOf[previous.event] as number;
      if (rPrev === r) continue;
      const startR = start[r] as number;
      const startPrev = start[rPrev] as number;
      if (!(startR < startPrev)) continue; // NaN never compares
      if (previous.value === o.value) continue;
      const witness = ctx.witness(o.domain);
      findings.push({
        kind: 'stale_write',
        at: o.at,
        event: o.event,
        entity: o.entity,
        field: o.field,
        request: r,
        evidence: evidenceOf(o.event, [previous.event, members[r]?.[0] ?? -1, members[rPrev]?.[0] ?? -1], ctx),
        summary:
          `${o.entity}: ${witness} applied ${o.field}=${valueText(o.value)} from request ${ctx.requestLabel(r)} ` +
          `(started ${clock(startR)}) at ${clock(o.at)}, after ${o.field}=${valueText(previous.value)} from request ` +
          `${ctx.requestLabel(rPrev)}, which started later (${clock(startPrev)}): an older result overwrote a newer one`,
      });
    }
  }
  return findings;
}
