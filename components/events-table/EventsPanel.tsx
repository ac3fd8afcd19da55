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
import { useEventFilters } from './useEventFilters';
import { useEventPages } from './useEventPages';
import { useFacets } from './useFacets';

interface EventsPanelProps {
  incidentId: string;
  sources: readonly Source[];
  /** Changes when a source's status changes: the events are fetched again from the first page. */
  refreshKey: string;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Filters, the virtualized table and the detail of the selected event, with the keyboard map. */
export function EventsPanel({ incidentId, sources, refreshKey }: EventsPanelProps) {
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
        Events appear here as sources finish parsing. A source that failed says why in its summary above.
      </StateMessage>
    );
  } else {
    body = (
      <div className={showDetail ? 'events-layout events-layout--with-detail' : 'events-layout'}>
        <div>
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
          />
          <div className="grid__footer" role="status">
            {countOf(events.length, 'event')} loaded
            {pages.nextCursor !== null ? ', more as you scroll' : ''}
            {pages.status === 'loading-more' ? ' — loading more…' : ''}
            {pages.status === 'error' ? (
              <>
                {' '}
                — <span className="error-text">{pages.error}</span>{' '}
                <button type="button" className="button" onClick={pages.retry}>
                  Retry
                </button>
              </>
            ) : null}
          </div>
          <p className="kbd-help">
            <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens the detail,{' '}
            <kbd>Esc</kbd> closes it, <kbd>/</kbd> searches.
          </p>
        </div>
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

  return (
    <>
      <EventFiltersBar filters={filters} onChange={update} sources={sources} facets={facets} searchRef={searchRef} />
      {body}
    </>
  );
}
