/**
 * A stored event row -> the analysis event the command line builds from the same record
 * (lib/domain/analysis/input.ts): the stored record without its raw text, plus its source.
 *
 * The stored record gets its two extra fields in place instead of being spread into a new
 * object (a million events are loaded at once), and the few-valued columns are interned per
 * load (interner.ts).
 */
import type { AnalysisEvent } from '@/lib/domain/analysis/input';
import type { AnalysisEventRow } from '../queries/list-source-events';
import { noInterning, type Interner } from '../queries/interner';
import { toStoredEvent } from '../queries/stored-event';

export function toAnalysisEvent(row: AnalysisEventRow, source: number, intern: Interner = noInterning): AnalysisEvent {
  const event: Omit<AnalysisEvent, 'source' | 'seq'> & Partial<AnalysisEvent> = toStoredEvent(row, intern);
  event.source = source;
  event.seq = row.seq;
  return event as AnalysisEvent;
}
