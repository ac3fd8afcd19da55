/**
 * An incident's stored evidence -> the analysis input (lib/domain/analysis/input.ts) and the
 * report's source outcomes, exactly as the command line builds them from the same files:
 * sources in position order (failed ones included, with no events, so indexes match the
 * report), events grouped by source in record order, without raw text.
 *
 * Events are read source by source in keyset pages (list-source-events.ts), so the database
 * never materializes more than one page per query. Their database ids come along, by event
 * index, for the investigation API, which names events by id (lib/server/analysis/incident-analysis.ts).
 */
import type { AnalysisEvent, AnalysisInput } from '@/lib/domain/analysis/input';
import type { SourceOutcome } from '@/lib/domain/report/report';
import type { Db } from '../db/client';
import type { ReportSourceRow } from '../queries/get-analysis-state';
import { listSourceEvents } from '../queries/list-source-events';
import { sourceOutcome } from './source-outcome';
import { createInterner } from '../queries/interner';
import { eventIdOf, toAnalysisEvent } from './to-analysis-event';

export interface LoadedEvidence {
  input: AnalysisInput;
  /** `outcomes[i]` describes `input.sources[i]`. */
  outcomes: SourceOutcome[];
  /** Database id per event index. */
  eventIds: Float64Array;
  /** Database id per source index. */
  sourceIds: string[];
}

export async function loadAnalysisInput(db: Db, sources: readonly ReportSourceRow[]): Promise<LoadedEvidence> {
  const outcomes = sources.map(sourceOutcome);
  const events: AnalysisEvent[] = [];
  const ids: number[] = [];
  const intern = createInterner();
  for (let index = 0; index < sources.length; index++) {
    if (outcomes[index]!.error !== undefined) continue;
    for await (const page of listSourceEvents(db, sources[index]!.id)) {
      for (const stored of page) {
        events.push(toAnalysisEvent(stored, index, intern));
        ids.push(eventIdOf(stored));
      }
    }
  }
  return {
    input: { sources: outcomes.map(({ name, format }) => ({ name, format })), events },
    outcomes,
    eventIds: Float64Array.from(ids),
    sourceIds: sources.map((s) => s.id),
  };
}
