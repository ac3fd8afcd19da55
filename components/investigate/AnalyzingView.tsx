'use client';

import type { Source } from '../api/api-schemas';
import { EventsPanel } from '../events-table/EventsPanel';
import { EvidenceOverview } from '../overview/EvidenceOverview';
import { StateMessage } from '../ui/StateMessage';

interface AnalyzingViewProps {
  incidentId: string;
  sources: readonly Source[];
  eventsRefreshKey: string;
  overviewVersion: string;
  ingesting: boolean;
}

/**
 * What an analysis view shows before its analysis exists: what is being waited for, then the
 * evidence so far (the overview over time and the events table), so a big upload is readable a
 * second after its bytes arrive instead of when its last event is analyzed.
 */
export function AnalyzingView({ incidentId, sources, eventsRefreshKey, overviewVersion, ingesting }: AnalyzingViewProps) {
  return (
    <div className="analyzing-view">
      <StateMessage title={ingesting ? 'Ingesting the evidence…' : 'Analyzing the evidence…'}>
        The timeline, findings, requests and entities open once every source is ingested and analyzed. Meanwhile, the evidence so far:
      </StateMessage>
      <EvidenceOverview incidentId={incidentId} version={overviewVersion} />
      <EventsPanel incidentId={incidentId} sources={sources} refreshKey={eventsRefreshKey} />
    </div>
  );
}
