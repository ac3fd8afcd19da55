'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo, useSyncExternalStore } from 'react';
import { parseFilters, writeFilters, type EventFilters } from './event-filters';

/** Dispatched on window after this app rewrites the query string itself. */
const URL_CHANGE = 'witness:urlchange';

/**
 * Rewrites the current URL's query string through the History API (no server round trip: the
 * page's data is all client-fetched) and tells the subscribed views at once.
 */
export function replaceQuery(params: URLSearchParams, mode: 'push' | 'replace'): void {
  const qs = params.toString();
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(URL_CHANGE));
}

/**
 * Writes filters into the current URL. Discrete choices push a history entry (Back undoes them);
 * typing replaces. A plain function, so components that only set filters (a finding's "Show
 * event") need not subscribe to the URL and re-render on every filter change.
 */
export function updateFilterUrl(patch: Partial<EventFilters>, mode: 'push' | 'replace' = 'push'): void {
  const current = new URLSearchParams(window.location.search);
  const next = writeFilters({ ...parseFilters(current), ...patch }, current);
  if (next.toString() !== current.toString()) replaceQuery(next, mode);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(URL_CHANGE, onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener(URL_CHANGE, onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/**
 * The query string, read synchronously. Next.js syncs History API writes into useSearchParams
 * inside a transition, which lands later than the click that caused it: a controlled checkbox
 * then shows its old state for a moment (and under load, long enough for a user or a test to
 * see it revert). Reading window.location through useSyncExternalStore makes the write and the
 * re-render one urgent update. useSearchParams stays subscribed for Next's own navigations and
 * gives the server render its value.
 */
export function useQueryString(): string {
  const searchParams = useSearchParams();
  const serverSearch = searchParams.toString();
  return useSyncExternalStore(
    subscribe,
    () => window.location.search.replace(/^\?/, ''),
    () => serverSearch,
  );
}

/** Filter state read from and written to the URL. */
export function useEventFilters() {
  const search = useQueryString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(search)), [search]);
  return { filters, update: updateFilterUrl };
}
