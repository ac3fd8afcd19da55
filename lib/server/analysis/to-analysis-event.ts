/**
 * A stored event row -> the analysis event the command line builds from the same record
 * (lib/domain/analysis/input.ts): the stored record without its raw text, plus its source.
 */
import type { AnalysisEvent } from '@/lib/domain/analysis/input';
import type { AnalysisEventRow } from '../queries/list-source-events';
import { toStoredEvent } from '../queries/stored-event';

export function toAnalysisEvent(row: AnalysisEventRow, source: number): AnalysisEvent {
  return { ...toStoredEvent(row), source, seq: row.seq };
}
