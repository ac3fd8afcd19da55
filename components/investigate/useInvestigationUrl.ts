'use client';

import { useCallback, useMemo } from 'react';
import { replaceQuery, useQueryString } from '../events-table/useEventFilters';
import { parseInvestigationState, writeInvestigationState, type InvestigationState } from './investigation-url';

/**
 * How a view changes the investigation's state: a discrete move (open a request, select an
 * event, switch time mode) pushes a history entry so Back returns to where the user was;
 * continuous ones (zoom, pan, typing) replace it.
 */
export type Navigate = (patch: Partial<InvestigationState>, mode?: 'push' | 'replace') => void;

/** Whether this page pushed a history entry of its own: Esc goes back only into the investigation, never off the app. */
let pushedInPage = false;

export function hasNavigatedInPage(): boolean {
  return pushedInPage;
}

/** Applies `patch` to the state in the current URL (a plain function: callers need not subscribe). */
export function navigateInvestigation(patch: Partial<InvestigationState>, mode: 'push' | 'replace' = 'push'): void {
  const current = new URLSearchParams(window.location.search);
  const next = writeInvestigationState({ ...parseInvestigationState(current), ...patch }, current);
  if (next.toString() === current.toString()) return;
  if (mode === 'push') pushedInPage = true;
  replaceQuery(next, mode);
}

/** The investigation state read from the URL, re-rendering when it changes. */
export function useInvestigationUrl(): { state: InvestigationState; navigate: Navigate } {
  const search = useQueryString();
  const state = useMemo(() => parseInvestigationState(new URLSearchParams(search)), [search]);
  const navigate = useCallback<Navigate>((patch, mode) => navigateInvestigation(patch, mode), []);
  return { state, navigate };
}
