import type { ReactNode } from 'react';
import type { Incident, Source } from '../api/api-schemas';
import { formatDateTime } from '../ui/format';
import { IncidentEvidence } from './IncidentEvidence';

interface IncidentWorkspaceProps {
  incident: Incident;
  initialSources: readonly Source[];
  /** The id the views' API calls use: the incident's own, or a share link's `share~{token}`. */
  apiIncidentId?: string;
  /** Shown under the title (a shared view's read-only notice). */
  notice?: ReactNode;
}

/**
 * The incident page: its name, then its evidence (uploads, sources, events). A column as tall as
 * the window, so the events section can take whatever height the parts above leave it.
 */
export function IncidentWorkspace({ incident, initialSources, apiIncidentId = incident.id, notice = null }: IncidentWorkspaceProps) {
  return (
    <div className="incident-page">
      <div className="incident-title">
        <h1>{incident.name}</h1>
        <p className="incident-title__meta">
          Created <time dateTime={incident.createdAt}>{formatDateTime(incident.createdAt)}</time>
        </p>
      </div>
      {notice}
      <IncidentEvidence incidentId={apiIncidentId} initialSources={initialSources} />
    </div>
  );
}
