/**
 * The witness table of one entity field (spec sections 5-6): one column per witness (clock
 * domain) that observed it, one row per observation in aligned order, and in each cell what
 * that witness held at that moment (the value of its latest observation at or before the row).
 *
 * A cell `disagrees` when its witness's held value is part of a disagreement as conflict
 * (lib/domain/findings/conflict.ts) defines one:
 * - With an owner (spec section 5), only non-owners disagree: a non-owner whose held value
 *   differs from the owner's. Several owner domains are one witness holding the latest value
 *   any of them observed. Owner cells never disagree; nothing does until the owner has spoken.
 * - Without an owner, every witness holding a value that another witness's held value differs
 *   from.
 * - Stages: a witness holding an earlier stage than another is only behind, until it observes
 *   its earlier stage again (or moves back to it) after the other took up the later stage. From
 *   then on the two disagree, and the rows back to the observation with which the other took up
 *   the later stage are marked too, since that is when conflict dates the disagreement (its
 *   finding's event). A first observation or a step forward is not such an observation. Values
 *   outside the stage list compare as unordered values.
 *
 * Unlike the findings, the table marks every moment of disagreement: also those shorter than
 * the profile's `toleranceMs`, and those between observations at the same instant, which the
 * conflict rule drops. So a marked cell is not always a finding; a conflict's rows always are.
 */
import type { Observation, StateValue } from '../analysis/results';
import type { EntityFieldDto, WitnessDto, WitnessRowDto } from '../../schemas/investigation';

export interface FieldWitnessRule {
  /** Per domain: is it the entity's owner? Null when the entity type has no owner. */
  isOwner: ((domain: number) => boolean) | null;
  /** Stage ranks of a lifecycle field (normalized values), or null. */
  ranks: ReadonlyMap<StateValue, number> | null;
}

export interface WitnessTableContext {
  laneOfDomain: (domain: number) => number;
  labelOfDomain: (domain: number) => string;
  eventId: (event: number) => number;
  requestKey: (event: number) => string | null;
}

/** What a party (a witness, or all owner domains as one) holds and since when, by row. */
interface Party {
  held: boolean;
  value: StateValue;
  /** Row with which it took up its current value. */
  since: number;
  /** Its latest row that re-asserted its value against a later stage (a repeat or a move back), or -1. */
  reaffirmed: number;
}

const OWNER_PARTY = -1;

function observe(party: Party, value: StateValue, row: number, rank: (v: StateValue) => number): void {
  if (!party.held) {
    Object.assign(party, { held: true, value, since: row, reaffirmed: -1 });
    return;
  }
  if (party.value === value) {
    party.reaffirmed = row;
    return;
  }
  const before = rank(party.value);
  const forward = before >= 0 && rank(value) > before;
  Object.assign(party, { value, since: row, reaffirmed: forward ? -1 : row });
}

/** -1: no disagreement; else the row the disagreement is dated from. */
function disagreementFrom(a: Party, b: Party, row: number, rank: (v: StateValue) => number): number {
  if (!a.held || !b.held || a.value === b.value) return -1;
  const ra = rank(a.value);
  const rb = rank(b.value);
  if (ra < 0 || rb < 0) return row;
  const [behind, ahead] = ra < rb ? [a, b] : [b, a];
  if (behind.reaffirmed <= ahead.since) return -1;
  // A staged disagreement begins with the behind witness's re-assertion: date it back then only.
  return behind.reaffirmed === row ? ahead.since : row;
}

/** `observations`: one entity field's, in the analysis order (aligned time, ties input order). */
export function buildWitnessTable(
  field: string,
  observations: readonly Observation[],
  rule: FieldWitnessRule,
  ctx: WitnessTableContext,
  firstDivergenceEvent: number | null,
): EntityFieldDto {
  const domains = [...new Set(observations.map((o) => o.domain))].sort((a, b) => ctx.laneOfDomain(a) - ctx.laneOfDomain(b) || a - b);
  const column = new Map(domains.map((d, i) => [d, i]));
  const owner = domains.map((d) => rule.isOwner?.(d) ?? false);
  const witnesses: WitnessDto[] = domains.map((d, i) => ({ lane: ctx.laneOfDomain(d), label: ctx.labelOfDomain(d), owner: owner[i]! }));
  const rank = (v: StateValue): number => rule.ranks?.get(v) ?? -1;
  const withOwner = rule.isOwner !== null;
  // Parties: each witness, except that with an owner all owner domains are one (OWNER_PARTY).
  const partyKey = (w: number): number => (withOwner && owner[w] ? OWNER_PARTY : w);
  const parties = new Map<number, Party>();
  const partyOf = (key: number): Party => {
    let p = parties.get(key);
    if (!p) parties.set(key, (p = { held: false, value: null, since: -1, reaffirmed: -1 }));
    return p;
  };
  const held: Array<{ value: StateValue } | null> = domains.map(() => null);
  const rows: WitnessRowDto[] = [];

  const mark = (from: number, to: number, w: number): void => {
    for (let k = from; k <= to; k++) {
      const cell = rows[k]!.cells[w]!;
      if (cell.held) cell.disagrees = true;
    }
  };

  let firstDivergenceRow: number | null = null;
  observations.forEach((o, r) => {
    const w = column.get(o.domain)!;
    held[w] = { value: o.value };
    observe(partyOf(partyKey(w)), o.value, r, rank);
    rows.push({
      at: o.at,
      eventId: ctx.eventId(o.event),
      witness: w,
      value: o.value,
      request: ctx.requestKey(o.event),
      cells: held.map((h, i) => ({ held: h !== null, value: h?.value ?? null, observed: i === w, disagrees: false })),
    });
    if (o.event === firstDivergenceEvent && firstDivergenceRow === null) firstDivergenceRow = r;
    for (let a = 0; a < domains.length; a++) {
      for (let b = a + 1; b < domains.length; b++) {
        const ka = partyKey(a);
        const kb = partyKey(b);
        if (ka === kb || (withOwner && ka !== OWNER_PARTY && kb !== OWNER_PARTY)) continue;
        const from = disagreementFrom(partyOf(ka), partyOf(kb), r, rank);
        if (from < 0) continue;
        if (ka !== OWNER_PARTY) mark(from, r, a);
        if (kb !== OWNER_PARTY) mark(from, r, b);
      }
    }
  });
  return { field, witnesses, rows, firstDivergenceRow };
}
