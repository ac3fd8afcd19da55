/**
 * Which field the entity view shows: the one in the URL when the entity has it, else the field
 * of the entity's first divergence (the reason someone opens an entity), else its first field.
 */
import type { EntityViewDto } from '@/lib/schemas/investigation';

export type EntityFieldDto = EntityViewDto['fields'][number];

export function chooseField(view: Pick<EntityViewDto, 'fields' | 'findings' | 'firstDivergence'>, requested: string | null): EntityFieldDto | null {
  const byName = (name: string | null | undefined) => (name ? view.fields.find((f) => f.field === name) : undefined);
  const first = view.firstDivergence === null ? undefined : view.findings[view.firstDivergence];
  return byName(requested) ?? byName(first?.field) ?? view.fields[0] ?? null;
}
