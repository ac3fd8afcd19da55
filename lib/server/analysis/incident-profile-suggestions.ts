/**
 * Profile suggestions for a stored incident: the first events of each ready source (a sample
 * of at most SUGGESTION_SAMPLE_PER_SOURCE, read like the analysis reads them) through the pure
 * suggestProfile (lib/domain/profile/suggest-profile.ts).
 */
import { suggestProfile, type ProfileSuggestions, type SuggestionSource } from '@/lib/domain/profile/suggest-profile';
import { getDb } from '../db/client';
import { getAnalysisState } from '../queries/get-analysis-state';
import { listSourceEvents } from '../queries/list-source-events';
import { EventTableBuilder } from '@/lib/domain/analysis/event-table';
import { noInterning } from '../queries/interner';
import { pushStoredEvent } from './to-analysis-event';

/** Enough records to see entities change state; bounded so suggestions answer in well under a second. */
export const SUGGESTION_SAMPLE_PER_SOURCE = 5_000;

export async function incidentProfileSuggestions(incidentId: string): Promise<ProfileSuggestions> {
  const db = await getDb();
  const { sources } = await getAnalysisState(db.prisma, incidentId);
  const sample: SuggestionSource[] = [];
  for (const [index, source] of sources.entries()) {
    if (source.status !== 'ready') continue;
    const events = new EventTableBuilder(Math.min(SUGGESTION_SAMPLE_PER_SOURCE, source.eventCount));
    for await (const { layout, events: page } of listSourceEvents(db, source.id, { limit: SUGGESTION_SAMPLE_PER_SOURCE })) {
      for (const stored of page) pushStoredEvent(events, stored, layout, index, noInterning);
    }
    sample.push({ name: source.name, events: events.build().toArray() });
  }
  return suggestProfile(sample);
}
