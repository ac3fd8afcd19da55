import type { Incident } from '../api/api-schemas';
import { formatDateTime } from '../ui/format';
import { IncidentEvidence } from './IncidentEvidence';

/** The incident page: its name, then its evidence (uploads, sources, events). */
export function IncidentWorkspace({ incident }: { incident: Incident }) {
  return (
    <>
      <h1>{incident.name}</h1>
      <p className="events-summary">
        Created <time dateTime={incident.createdAt}>{formatDateTime(incident.createdAt)}</time>
      </p>
      <IncidentEvidence incidentId={incident.id} />
    </>
  );
}
