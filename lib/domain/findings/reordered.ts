/**
 * Signal reordered (spec section 6, "other signals"; not a divergence): responses of one client
 * for the same method and path that completed in the opposite order of their starts.
 *
 * Clients: a HAR file is one client (its clock domain); in other sources a `session_id` /
 * `client_id` names the client. Only events with an interval (a start and a completion) count;
 * a HAR entry without a response never completed. Method and path: the `method` and `path`
 * fields (without the query), else the event's name (`METHOD /path` for HAR and access logs).
 *
 * One signal per response that completed after a response to a later-started request: at its
 * completion (when the older answer arrived last), evidence = the later-started request that
 * completed first (the earliest such completion). Linear after one sort per (client, path).
 */
import type { SignalFinding } from '../analysis/results';
import { FindingContext } from './context';
import { clock } from './describe';

interface Exchange {
  event: number;
  start: number;
  end: number;
}

export function findReordered(ctx: FindingContext): SignalFinding[] {
  const { events, sources } = ctx.input;
  const byClient = new Map<string, Exchange[]>();
  const { status, sessionId, attributes, name } = events;
  for (let i = 0; i < events.length; i++) {
    if (events.unparsed[i] === 1 || Number.isNaN(events.start[i]!) || Number.isNaN(ctx.alignedTs(i))) continue;
    const har = sources[events.source[i]!]?.format === 'har';
    if (har && (status[i] === null || status[i] === '0')) continue;
    const session = sessionId[i]!;
    const client = har ? `d${ctx.alignment.domainOf[i]}` : session !== null ? `s${session}` : null;
    if (client === null) continue;
    const method = attributes[i]!.method;
    const path = attributes[i]!.path;
    const what = typeof method === 'string' && typeof path === 'string' ? `${method.toUpperCase()} ${path.split('?')[0]}` : name[i]!;
    if (what === null) continue;
    const key = `${client}\u0000${what}`;
    const [start, end] = ctx.alignedSpan(i);
    const list = byClient.get(key);
    if (list) list.push({ event: i, start, end });
    else byClient.set(key, [{ event: i, start, end }]);
  }
  const signals: SignalFinding[] = [];
  for (const list of byClient.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.start - b.start || a.event - b.event);
    // Walking back from the last start: the later-started exchange that completed first.
    let earliest: Exchange | null = null;
    const found: [Exchange, Exchange][] = [];
    for (let k = list.length - 1; k >= 0; k--) {
      const x = list[k] as Exchange;
      if (earliest !== null && earliest.start > x.start && earliest.end < x.end) found.push([x, earliest]);
      if (earliest === null || x.end < earliest.end) earliest = x;
    }
    for (const [late, early] of found.reverse()) {
      const name = ctx.event(late.event).name ?? 'a request';
      signals.push({
        kind: 'reordered',
        at: late.end,
        event: late.event,
        request: ctx.groups.groupOf[late.event] ?? -1,
        evidence: [early.event],
        summary:
          `${ctx.witnessOf(late.event)}: ${name} started at ${clock(late.start)} completed at ${clock(late.end)}, ` +
          `after the same call started later (${clock(early.start)}) completed at ${clock(early.end)}`,
      });
    }
  }
  return signals;
}
