'use client';

import type { ReactNode } from 'react';
import { useReadOnly } from '../access/ReadOnlyContext';
import { ProfilePanel } from '../profile/ProfilePanel';
import { usePanelParam } from './usePanelParam';

interface IncidentLayoutProps {
  incidentId: string;
  onProfileSaved: () => void;
  /** Changes when the profile was saved from elsewhere (a clock's Adjust): the panel reloads it. */
  profileEdits?: number;
  children: ReactNode;
}

/**
 * The incident's evidence column, with the profile panel beside it when the URL says so. This
 * component subscribes to the URL; its children are elements made by its parent, so a filter
 * change re-renders this shell, not the whole page under it.
 */
export function IncidentLayout({ incidentId, onProfileSaved, profileEdits = 0, children }: IncidentLayoutProps) {
  const [param, setPanel] = usePanelParam();
  // A shared (read-only) view has no profile editor, even when its URL says `?panel=profile`.
  const panel = useReadOnly() ? null : param;
  return (
    <div className={panel ? 'incident-body incident-body--with-panel' : 'incident-body'}>
      <div className="incident-main">{children}</div>
      {panel === 'profile' ? <ProfilePanel key={profileEdits} incidentId={incidentId} onClose={() => setPanel(null)} onSaved={onProfileSaved} /> : null}
    </div>
  );
}
