'use client';

import { useEffect, useMemo } from 'react';
import type { EventRow } from '../api/api-schemas';
import type { EventRef } from '../api/report-schemas';
import { isEventAt } from '../analysis/finding-format';
import { writeFilters, type EventFilters } from './event-filters';

/**
 * A request to show one event (a finding's trigger) in the table. The caller has already put
 * `filters` in the URL; when the event is not among their results (the report names a request by
 * one identifier of its group, which the triggering record may not carry itself), `fallback`
 * (its source alone, which always holds it) is tried next.
 */
export interface EventFocusRequest {
  ref: EventRef;
  filters: EventFilters;
  fallback: EventFilters | null;
  /** Distinguishes two clicks on the same finding: each is a new request. */
  nonce: number;
}

/** Pages fetched while looking for the event before giving up (25 pages of 200 rows). */
const MAX_SEARCH_ROWS = 5_000;

interface Pages {
  events: EventRow[];
  nextCursor: string | null;
  status: string;
  loadMore: () => void;
}

export type FocusState = { kind: 'idle' } | { kind: 'searching' } | { kind: 'found'; event: EventRow } | { kind: 'missing' };

/**
 * Where a focus request stands, derived from the current filters and rows: searching (pages
 * still to fetch, or the fallback filters still to try), found, or missing. Filters the user
 * changed by hand abandon it. The effect drives the search: it fetches the next page or switches
 * to the fallback filters (both are calls to the outside world, not state of this component).
 */
export function useEventFocus(
  focus: EventFocusRequest | null,
  filters: EventFilters,
  pages: Pages,
  updateFilters: (filters: EventFilters, mode: 'replace') => void,
): FocusState {
  const query = writeFilters(filters).toString();
  const phase = useMemo(() => {
    if (!focus) return null;
    if (query === writeFilters(focus.filters).toString()) return 'primary';
    if (focus.fallback && query === writeFilters(focus.fallback).toString()) return 'fallback';
    return null;
  }, [focus, query]);

  const { events, nextCursor, status, loadMore } = pages;
  const match = useMemo(() => (focus && phase ? events.find((e) => isEventAt(focus.ref, e)) : undefined), [focus, phase, events]);
  const exhausted = status === 'ready' && (nextCursor === null || events.length >= MAX_SEARCH_ROWS);
  const canFallBack = phase === 'primary' && focus?.fallback != null;

  useEffect(() => {
    if (!focus || !phase || match || status !== 'ready') return;
    if (!exhausted) loadMore();
    else if (canFallBack && focus.fallback) updateFilters(focus.fallback, 'replace');
  }, [focus, phase, match, status, exhausted, canFallBack, loadMore, updateFilters]);

  if (!focus || !phase) return { kind: 'idle' };
  if (match) return { kind: 'found', event: match };
  if (exhausted && !canFallBack) return { kind: 'missing' };
  return { kind: 'searching' };
}
