/**
 * An incident's stored evidence -> the analysis input (lib/domain/analysis/input.ts) and the
 * report's source outcomes, exactly as the command line builds them from the same files:
 * sources in position order (failed ones included, with no events, so indexes match the
 * report), events grouped by source in record order, without raw text.
 *
 * Events are read source by source in keyset pages (list-source-events.ts), so the database
 * never materializes more than one page per query. Their database ids come along, by event
 * index, for the investigation API, which names events by id (lib/server/analysis/incident-analysis.ts).
 *
 * A source's events never change while it keeps its row's version (id, status, event count,
 * updatedAt: a re-ingest changes it), so a load given the previous load of the same incident
 * takes the events of every source that kept its version and its index from there, instead of
 * from the database: switching alignment, editing the profile or adding a source reloads
 * nothing else (1M stored events take seconds to load). Their strings and attribute objects are
 * shared, not copied (the columns holding them are): the analysis never writes to its input.
 *
 * The events are written straight into the columns of an EventTable
 * (lib/domain/analysis/event-table.ts), sized up front for the event counts of the Source rows.
 */
import type { AnalysisInput } from '@/lib/domain/analysis/input';
import { EventTableBuilder } from '@/lib/domain/analysis/event-table';
import type { SourceOutcome } from '@/lib/domain/report/report';
import type { Db } from '../db/client';
import type { ReportSourceRow } from '../queries/get-analysis-state';
import { listSourceEvents } from '../queries/list-source-events';
import { sourceOutcome } from './source-outcome';
import { createInterner } from '../queries/interner';
import { eventIdOf, pushStoredEvent } from './to-analysis-event';

export interface LoadedEvidence {
  input: AnalysisInput;
  /** `outcomes[i]` describes `input.sources[i]`. */
  outcomes: SourceOutcome[];
  /** Database id per event index. */
  eventIds: Float64Array;
  /** Database id per source index. */
  sourceIds: string[];
  /** Per source index, its events' version (sourceVersion): what a later load may reuse. */
  sourceVersions: string[];
  /** Per source index, its first event's index; then the event count. */
  sourceStarts: Int32Array;
  /** How many sources' events came from the previous load (for tests and the logs). */
  reusedSources: number;
}

/** What a source's events depend on: they are the same while this is. */
export function sourceVersion(source: ReportSourceRow): string {
  return JSON.stringify([source.id, source.status, source.eventCount, source.updatedAt.getTime()]);
}

export async function loadAnalysisInput(db: Db, sources: readonly ReportSourceRow[], previous?: LoadedEvidence): Promise<LoadedEvidence> {
  const outcomes = sources.map(sourceOutcome);
  const sourceVersions = sources.map(sourceVersion);
  const sourceStarts = new Int32Array(sources.length + 1);
  // Sized for the events the rows count (a source re-ingested meanwhile may hold more: grown then).
  const capacity = sources.reduce((sum, s, i) => sum + (outcomes[i]!.error === undefined ? s.eventCount : 0), 0);
  const events = new EventTableBuilder(capacity);
  let ids: Float64Array = new Float64Array(Math.max(16, capacity));
  const intern = createInterner();
  let reusedSources = 0;
  for (let index = 0; index < sources.length; index++) {
    sourceStarts[index] = events.length;
    if (outcomes[index]!.error !== undefined) continue;
    // Same index too: an event names its source by index.
    if (previous !== undefined && previous.sourceVersions[index] === sourceVersions[index]) {
      const [from, to] = [previous.sourceStarts[index]!, previous.sourceStarts[index + 1]!];
      ids = withRoom(ids, events.length + to - from);
      ids.set(previous.eventIds.subarray(from, to), events.length);
      events.pushRange(previous.input.events, from, to);
      reusedSources++;
      continue;
    }
    for await (const { layout, events: page } of listSourceEvents(db, sources[index]!.id)) {
      ids = withRoom(ids, events.length + page.length);
      for (const stored of page) {
        ids[events.length] = eventIdOf(stored, layout);
        pushStoredEvent(events, stored, layout, index, intern);
      }
    }
  }
  const count = events.length;
  sourceStarts[sources.length] = count;
  return {
    input: { sources: outcomes.map(({ name, format }) => ({ name, format })), events: events.build() },
    outcomes,
    eventIds: ids.subarray(0, count),
    sourceIds: sources.map((s) => s.id),
    sourceVersions,
    sourceStarts,
    reusedSources,
  };
}

/** `ids`, or a copy twice as long when it has no room for `needed` entries. */
function withRoom(ids: Float64Array, needed: number): Float64Array {
  if (needed <= ids.length) return ids;
  const grown = new Float64Array(Math.max(needed, ids.length * 2));
  grown.set(ids);
  return grown;
}
