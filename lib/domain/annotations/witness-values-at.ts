/**
 * What every witness of one entity field held at a moment, read from the entity view's witness
 * table (lib/domain/investigate/witness-table.ts): the last row at or before the moment carries
 * each witness's held value then. Before the first observation nobody held anything.
 */
import type { EntityFieldDto } from '../../schemas/investigation';

export interface WitnessValueAt {
  label: string;
  owner: boolean;
  value: string | number | boolean | null;
  held: boolean;
  disagrees: boolean;
}

/** The index of the last row at or before `at`, or -1 (rows are in aligned order). */
export function rowAtOrBefore(rows: ReadonlyArray<{ at: number }>, at: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function witnessValuesAt(field: EntityFieldDto, at: number): { values: WitnessValueAt[]; eventId: number | null } {
  const index = rowAtOrBefore(field.rows, at);
  const row = index >= 0 ? field.rows[index]! : null;
  const values = field.witnesses.map((w, i) => {
    const cell = row?.cells[i];
    const held = cell !== undefined && (cell.held || cell.observed);
    return { label: w.label, owner: w.owner, value: held ? cell.value : null, held, disagrees: cell?.disagrees ?? false };
  });
  return { values, eventId: row?.eventId ?? null };
}
