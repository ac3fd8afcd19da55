import './share.css';
import type { Incident, Source } from '../api/api-schemas';
import { IncidentEvidence } from '../incident/IncidentEvidence';
import { formatDateTime } from '../ui/format';

interface SharedIncidentProps {
  incident: Incident;
  /** `share~{token}`: every API call of the views goes through the link (lib/server/access). */
  apiIncidentId: string;
  initialSources: readonly Source[];
  expiresAt: string | null;
}

/**
 * A share link's investigation: the incident page's views under a read-only notice. Rendered
 * inside ReadOnlyProvider, so the views leave out what would change something.
 */
export function SharedIncident({ incident, apiIncidentId, initialSources, expiresAt }: SharedIncidentProps) {
  return (
    <div className="incident-page">
      <div className="incident-title">
        <h1>{incident.name}</h1>
        <p className="incident-title__meta">
          Created <time dateTime={incident.createdAt}>{formatDateTime(incident.createdAt)}</time>
        </p>
      </div>
      <SharedNotice expiresAt={expiresAt} />
      <IncidentEvidence incidentId={apiIncidentId} initialSources={initialSources} />
    </div>
  );
}

export function SharedNotice({ expiresAt }: { expiresAt: string | null }) {
  return (
    <p className="shared-notice" role="note">
      Shared read-only view{expiresAt ? <>, until <time dateTime={expiresAt}>{formatDateTime(expiresAt)}</time></> : null}. Nothing here can be changed.
    </p>
  );
}
