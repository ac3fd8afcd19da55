import './share.css';
import type { Incident, Source } from '../api/api-schemas';
import { IncidentWorkspace } from '../incident/IncidentWorkspace';
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
  return <IncidentWorkspace incident={incident} initialSources={initialSources} apiIncidentId={apiIncidentId} notice={<SharedNotice expiresAt={expiresAt} />} />;
}

export function SharedNotice({ expiresAt }: { expiresAt: string | null }) {
  return (
    <p className="shared-notice" role="note">
      Shared read-only view{expiresAt ? <>, until <time dateTime={expiresAt}>{formatDateTime(expiresAt)}</time></> : null}. Nothing here can be changed.
    </p>
  );
}
