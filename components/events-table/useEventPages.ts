'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { eventPageSchema, type EventRow } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';
import { writeFilters, type EventFilters } from './event-filters';

/** Rows per request: a few screens' worth, so scrolling rarely waits on the network. */
const PAGE_SIZE = 200;

export type EventPagesStatus = 'loading' | 'ready' | 'loading-more' | 'error';

interface PagesState {
  events: EventRow[];
  nextCursor: string | null;
  status: EventPagesStatus;
  error: string | null;
  /** Which query these rows answer: rows from an older query are never shown under new filters. */
  queryKey: string;
  /** The filters part of queryKey: a refresh alone keeps showing the old rows until new ones arrive. */
  filterKey: string;
}

/**
 * Events for the current filters, one cursor page at a time, in the server's (time) order.
 * Changing the filters or `refreshKey` (a source finished parsing) starts again from the first page.
 */
export function useEventPages(incidentId: string, filters: EventFilters, refreshKey: string) {
  const query = writeFilters(filters).toString();
  const filterKey = `${incidentId}?${query}`;
  const queryKey = `${filterKey}#${refreshKey}`;
  const [state, setState] = useState<PagesState>({
    events: [],
    nextCursor: null,
    status: 'loading',
    error: null,
    queryKey,
    filterKey,
  });
  const [attempt, setAttempt] = useState(0);
  const inFlight = useRef<AbortController | null>(null);
  // The cursor of the page being fetched: two callers (the table near its end, a focus search)
  // may ask in the same render, and one cursor must be fetched once or its rows would repeat.
  const requestedCursor = useRef<string | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => {
      const params = new URLSearchParams(query);
      params.set('limit', String(PAGE_SIZE));
      if (cursor) params.set('cursor', cursor);
      return fetchJson(apiUrls.events(incidentId, params), eventPageSchema, { signal });
    },
    [incidentId, query],
  );

  useEffect(() => {
    inFlight.current?.abort();
    requestedCursor.current = null;
    const controller = new AbortController();
    inFlight.current = controller;
    fetchPage(null, controller.signal)
      .then((page) =>
        setState({ events: page.events, nextCursor: page.nextCursor, status: 'ready', error: null, queryKey, filterKey }),
      )
      .catch((cause: unknown) => {
        if (isAbortError(cause)) return;
        setState({ events: [], nextCursor: null, status: 'error', error: errorMessage(cause), queryKey, filterKey });
      });
    return () => controller.abort();
  }, [fetchPage, queryKey, filterKey, attempt]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || state.nextCursor === null || state.queryKey !== queryKey) return;
    const cursor = state.nextCursor;
    if (requestedCursor.current === cursor) return;
    requestedCursor.current = cursor;
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => ({ ...s, status: 'loading-more' }));
    fetchPage(cursor, controller.signal)
      .then((page) =>
        setState((s) =>
          s.queryKey === queryKey
            ? { ...s, events: [...s.events, ...page.events], nextCursor: page.nextCursor, status: 'ready' }
            : s,
        ),
      )
      .catch((cause: unknown) => {
        requestedCursor.current = null;
        if (isAbortError(cause)) return;
        // Keep the rows already shown; the footer offers to retry the next page.
        setState((s) => (s.queryKey === queryKey ? { ...s, status: 'error', error: errorMessage(cause) } : s));
      });
  }, [fetchPage, queryKey, state.nextCursor, state.queryKey, state.status]);

  const retry = useCallback(() => {
    if (state.events.length > 0 && state.queryKey === queryKey) {
      setState((s) => ({ ...s, status: 'ready', error: null }));
    } else {
      setState((s) => ({ ...s, status: 'loading', error: null }));
      setAttempt((n) => n + 1);
    }
  }, [queryKey, state.events.length, state.queryKey]);

  const stale = state.filterKey !== filterKey;
  return {
    events: stale ? [] : state.events,
    nextCursor: stale ? null : state.nextCursor,
    status: stale ? ('loading' as const) : state.status,
    error: stale ? null : state.error,
    loadMore,
    retry,
  };
}
