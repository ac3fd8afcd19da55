/**
 * `GET /entities/{entity}`: the witness table of one entity (`type:id`, spec section 5): per
 * field it observed, the witnesses and what each held at every observation (witness-table.ts),
 * plus the findings that name the entity and its own first divergence (spec section 6). Owner
 * and stages come from the profile's rules for the entity's type, read as the conflict rule
 * reads them (lib/domain/findings/conflict.ts).
 */
import type { Observation, StateValue } from '../analysis/results';
import { FindingContext, entityType } from '../findings/context';
import { normalizeStateValue } from '../state/values';
import type { EntityViewDto } from '../../schemas/investigation';
import { divergenceDtosWhere, firstIndexOf } from './finding-dtos';
import { eventIdOf, requestKeyOfEvent, type Investigated } from './investigated';
import { buildWitnessTable, type FieldWitnessRule, type WitnessTableContext } from './witness-table';

function stageRanks(stages: ReadonlyArray<string | number | boolean> | undefined): Map<StateValue, number> | null {
  if (!stages) return null;
  const ranks = new Map<StateValue, number>();
  stages.forEach((stage, i) => {
    const value = normalizeStateValue(stage);
    if (value !== undefined && !ranks.has(value)) ranks.set(value, i);
  });
  return ranks;
}

/** The entity's view, or null when no observation and no finding names it. */
export function buildEntityView(subject: Investigated, entity: string): EntityViewDto | null {
  const { analysis, input, profile } = subject;
  const byField = new Map<string, Observation[]>();
  for (const o of analysis.observations) {
    if (o.entity !== entity) continue;
    let list = byField.get(o.field);
    if (!list) byField.set(o.field, (list = []));
    list.push(o);
  }
  const findings = divergenceDtosWhere(subject, (f) => f.entity === entity);
  if (byField.size === 0 && findings.length === 0) return null;

  const ctx = new FindingContext({ input, alignment: analysis.alignment, groups: analysis.groups, observations: analysis.observations, profile });
  const rules = ctx.rulesFor(entityType(entity));
  const owner = rules.find((r) => r.owner !== undefined)?.owner ?? null;
  const table: WitnessTableContext = {
    laneOfDomain: (d) => subject.lanes.laneOfDomain[d] ?? -1,
    labelOfDomain: (d) => ctx.witness(d),
    eventId: (e) => eventIdOf(subject, e),
    requestKey: (e) => requestKeyOfEvent(subject, e),
  };
  const fields = [...byField].map(([field, observations]) => {
    const rule: FieldWitnessRule = {
      isOwner: owner === null ? null : (d) => ctx.isOwner(d, owner),
      ranks: stageRanks(rules.find((r) => r.stages[field] !== undefined)?.stages[field]),
    };
    // Divergences are in first-divergence order: the first naming this field is its first.
    const first = analysis.divergences.find((f) => f.entity === entity && f.field === field);
    return buildWitnessTable(field, observations, rule, table, first?.event ?? null);
  });
  return { entity, owner, fields, findings, firstDivergence: firstIndexOf(findings) };
}
