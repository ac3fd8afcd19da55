/** Incident row + counts -> the API's incident shape. */
import type { IncidentDto } from '@/lib/schemas/incident';

export const INCIDENT_SELECT = { id: true, name: true, createdAt: true, _count: { select: { sources: true } } } as const;

export interface IncidentRow {
  id: string;
  name: string;
  createdAt: Date;
  _count: { sources: number };
}

export function toIncidentDto(row: IncidentRow, events: number): IncidentDto {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), sources: row._count.sources, events };
}
