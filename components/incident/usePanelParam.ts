'use client';

import { useCallback } from 'react';
import { replaceQuery, useQueryString } from '../events-table/useEventFilters';

export type IncidentPanel = 'profile';
const PANELS: readonly IncidentPanel[] = ['profile'];

/**
 * Which side panel of the incident page is open, kept in the URL (`?panel=profile`) so the view
 * is a link; written like the event filters (History API), keeping every other param.
 */
export function usePanelParam(): [IncidentPanel | null, (panel: IncidentPanel | null) => void] {
  const value = new URLSearchParams(useQueryString()).get('panel');
  const panel = PANELS.find((p) => p === value) ?? null;

  const setPanel = useCallback((next: IncidentPanel | null) => {
    const params = new URLSearchParams(window.location.search);
    if (next) params.set('panel', next);
    else params.delete('panel');
    replaceQuery(params, 'push');
  }, []);
  return [panel, setPanel];
}
