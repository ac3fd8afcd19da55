/**
 * The entities of an incident for the investigation's entity list: every entity with at least
 * one state observation (spec section 5), its fields (first observed first), how many
 * observations and how many divergences name it; most divergences first, then by name, so the
 * entities worth opening lead.
 */
import type { EntitySummaryDto } from '../../schemas/investigation';
import type { Investigated } from './investigated';

export function entitySummaries(subject: Investigated): EntitySummaryDto[] {
  const byEntity = new Map<string, { fields: Set<string>; observations: number }>();
  for (const o of subject.analysis.observations) {
    let entry = byEntity.get(o.entity);
    if (!entry) {
      entry = { fields: new Set(), observations: 0 };
      byEntity.set(o.entity, entry);
    }
    entry.fields.add(o.field);
    entry.observations++;
  }
  const divergences = new Map<string, number>();
  for (const f of subject.analysis.divergences) {
    if (f.entity !== null) divergences.set(f.entity, (divergences.get(f.entity) ?? 0) + 1);
  }
  const out: EntitySummaryDto[] = [...byEntity].map(([entity, e]) => ({
    entity,
    fields: [...e.fields],
    observations: e.observations,
    divergences: divergences.get(entity) ?? 0,
  }));
  return out.sort((a, b) => b.divergences - a.divergences || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}
