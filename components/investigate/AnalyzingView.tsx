'use client';

import type { Source } from '../api/api-schemas';
import { EventsPanel } from '../events-table/EventsPanel';
import { EvidenceOverview } from '../overview/EvidenceOverview';
import { ErrorState } from '../ui/ErrorState';
import { StateMessage } from '../ui/StateMessage';

/** Why there is no analysis to show: the investigation's request failed. */
export interface AnalysisProblem {
  title: string;
  message: string;
  onRetry: () => void;
}

interface AnalyzingViewProps {
  incidentId: string;
  sources: readonly Source[];
  eventsRefreshKey: string;
  overviewVersion: string;
  ingesting: boolean;
  /**
   * Set when the analysis failed or was refused, instead of still being computed. It replaces the
   * "Ingesting…" notice too: the upload list above says what is still coming in.
   */
  problem?: AnalysisProblem | null;
}

/**
 * What an analysis view shows while its analysis does not exist: what is being waited for (or
 * why it failed), then the evidence so far (the overview over time and the events table). So a
 * big upload is readable a second after its bytes arrive instead of when its last event is
 * analyzed, and an incident too large to analyze on this server can still be read.
 */
export function AnalyzingView({ incidentId, sources, eventsRefreshKey, overviewVersion, ingesting, problem }: AnalyzingViewProps) {
  return (
    <div className="analyzing-view">
      {problem ? (
        <ErrorState title={problem.title} message={problem.message} onRetry={problem.onRetry} />
      ) : (
        <StateMessage title={ingesting ? 'Ingesting the evidence…' : 'Analyzing the evidence…'}>
          The timeline, findings, requests and entities open once every source is ingested and analyzed. Meanwhile, the evidence so far:
        </StateMessage>
      )}
      <EvidenceOverview incidentId={incidentId} version={overviewVersion} />
      <EventsPanel incidentId={incidentId} sources={sources} refreshKey={eventsRefreshKey} />
    </div>
  );
}
