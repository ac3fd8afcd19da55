'use client';

import './events-table.css';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Source } from '../api/api-schemas';
import { ErrorState } from '../ui/ErrorState';
import { countOf } from '../ui/format';
import { StateMessage } from '../ui/StateMessage';
import { hasActiveFilters, NO_FILTERS } from './event-filters';
import { EventDetail } from './EventDetail';
import { EventFiltersBar } from './EventFiltersBar';
import { EventsTable } from './EventsTable';
import { describeRef } from '../analysis/finding-format';
import { useEventFilters } from './useEventFilters';
import { useEventFocus, type EventFocusRequest } from './useEventFocus';
import { useEventPages } from './useEventPages';
import { useFacets } from './useFacets';

interface EventsPanelProps {
  incidentId: string;
  sources: readonly Source[];
  /** Changes when a source's status changes: the events are fetched again from the first page. */
  refreshKey: string;
  /** An event to show and select (a finding's trigger), with the filters that contain it. */
  focus?: EventFocusRequest | null;
}

function statusText(count: number, hasMore: boolean, status: string, loading: boolean): string {
  // The table area says "Loading events…" itself; one announcement is enough.
  if (loading) return '';
  if (status === 'error' && count === 0) return '';
  const more = hasMore ? ', more as you scroll' : '';
  return `${countOf(count, 'event')} loaded${more}${status === 'loading-more' ? ' — loading more…' : ''}`;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The events section: heading with the load status and keyboard map, the filters, then the table
 * (and the selected event's detail) filling what is left of the window. Each part keeps its box
 * whatever the loading state, so nothing moves when the rows arrive.
 */
export function EventsPanel({ incidentId, sources, refreshKey, focus = null }: EventsPanelProps) {
  const { filters, update } = useEventFilters();
  const pages = useEventPages(incidentId, filters, refreshKey);
  const fallbackFacets = useMemo(
    () => ({ services: Array.from(new Set(sources.flatMap((s) => s.services))).sort(), levels: [] }),
    [sources],
  );
  const facets = useFacets(incidentId, refreshKey, fallbackFacets);
  const searchRef = useRef<HTMLInputElement>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);

  const { events } = pages;
  const focusState = useEventFocus(focus, filters, pages, update);
  const [appliedFocus, setAppliedFocus] = useState<number | null>(null);
  // Adjusting state while rendering (React's pattern for "derived from props, then owned"): the
  // found event becomes the selection once, and from then on the user moves it as usual.
  if (focusState.kind === 'found' && focus && appliedFocus !== focus.nonce) {
    setAppliedFocus(focus.nonce);
    setSelectedId(focusState.event.id);
    setDetailOpen(true);
  }
  const focusPending = focus !== null && appliedFocus !== focus.nonce;
  const selectedIndex = useMemo(() => {
    if (selectedId === null) return null;
    const index = events.findIndex((e) => e.id === selectedId);
    return index < 0 ? null : index;
  }, [events, selectedId]);
  const selected = selectedIndex === null ? null : (events[selectedIndex] ?? null);

  const select = useCallback((index: number) => setSelectedId(events[index]?.id ?? null), [events]);
  const activate = useCallback(
    (index: number) => {
      const id = events[index]?.id ?? null;
      // Clicking the open row again closes it; clicking another row shows that one.
      setDetailOpen((open) => !(open && id === selectedId));
      setSelectedId(id);
    },
    [events, selectedId],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Escape' && !isTyping(event.target)) {
        setDetailOpen(false);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const filtered = hasActiveFilters(filters);
  const showDetail = detailOpen && selected !== null;

  let body: ReactNode;
  if (pages.status === 'error' && events.length === 0) {
    body = <ErrorState title="Could not load events" message={pages.error ?? 'Unknown error'} onRetry={pages.retry} />;
  } else if (pages.status === 'loading' && events.length === 0) {
    body = <StateMessage title="Loading events…" />;
  } else if (events.length === 0 && sources.length === 0) {
    body = (
      <StateMessage title="No evidence yet">
        Drop files here: drag log files, HARs or trace exports onto the box above, or use “Choose files…”.
      </StateMessage>
    );
  } else if (events.length === 0 && filtered) {
    body = (
      <StateMessage
        title="No events match these filters"
        action={
          <button type="button" className="button" onClick={() => update(NO_FILTERS)}>
            Clear filters
          </button>
        }
      >
        Loosen a filter, or clear them all.
      </StateMessage>
    );
  } else if (events.length === 0) {
    body = (
      <StateMessage title="No events yet">
        Events appear here as sources finish parsing. A source that failed says why in its row above.
      </StateMessage>
    );
  } else {
    body = (
      <div className={showDetail ? 'events-layout events-layout--with-detail' : 'events-layout'}>
        <EventsTable
          events={events}
          hasMore={pages.nextCursor !== null}
          loadingMore={pages.status === 'loading-more' || pages.status === 'error'}
          onLoadMore={pages.loadMore}
          selectedIndex={selectedIndex}
          detailOpen={showDetail}
          onSelect={select}
          onActivate={activate}
          onToggleDetail={() => setDetailOpen((open) => !open && selected !== null)}
          onCloseDetail={() => setDetailOpen(false)}
          focusKey={appliedFocus}
        />
        {showDetail && selected ? (
          <EventDetail
            event={selected}
            onClose={() => setDetailOpen(false)}
            onFilterRequest={(request) => update({ request })}
          />
        ) : null}
      </div>
    );
  }

  const loading = pages.status === 'loading' && events.length === 0;
  return (
    <section className="events-section" aria-labelledby="events-heading">
      <div className="section-head">
        <h2 id="events-heading">Events</h2>
        <p className="section-head__meta" role="status">
          {statusText(events.length, pages.nextCursor !== null, pages.status, loading)}
          {focusPending && focusState.kind === 'searching' ? ' — finding the event…' : null}
          {focusPending && focusState.kind === 'missing' && focus ? (
            <span className="section-head__warn">
              {' '}
              — {describeRef(focus.ref)} is not among the loaded events of this view
            </span>
          ) : null}
          {pages.status === 'error' && events.length > 0 ? (
            <>
              {' '}
              — <span className="error-text">{pages.error}</span>{' '}
              <button type="button" className="button button--link" onClick={pages.retry}>
                Retry
              </button>
            </>
          ) : null}
        </p>
        <p className="kbd-help">
          <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens the detail,{' '}
          <kbd>Esc</kbd> closes it, <kbd>/</kbd> searches.
        </p>
      </div>
      <EventFiltersBar filters={filters} onChange={update} sources={sources} facets={facets} searchRef={searchRef} />
      <div className="events-body">{body}</div>
    </section>
  );
}
