/** An EventTable's events as objects, for tests that search or map them (few events). */
import type { EventTable } from '@/lib/domain/analysis/event-table';
import type { AnalysisEvent } from '@/lib/domain/analysis/input';

export function eventList(table: EventTable): AnalysisEvent[] {
  return Array.from({ length: table.length }, (_, i) => table.at(i));
}
