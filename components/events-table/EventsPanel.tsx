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
import { STEP_EVENT, type StepDetail } from '../investigate/useInvestigationKeys';
import { useInvestigationUrl } from '../investigate/useInvestigationUrl';
import { TimeModeToggle } from '../investigate/TimeModeToggle';

interface EventsPanelProps {
  incidentId: string;
  sources: readonly Source[];
  /** Changes when a source's status changes: the events are fetched again from the first page. */
  refreshKey: string;
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
export function EventsPanel({ incidentId, sources, refreshKey }: EventsPanelProps) {
  const { filters, update } = useEventFilters();
  const { state: view, navigate } = useInvestigationUrl();
  const timeMode = view.time;
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

  // `/` focuses this view's search; Esc closes the detail (and says so, so the page's own Esc,
  // which goes back, leaves it alone); `j`/`k` from anywhere on the page move the selection.
  const detailOpenRef = useRef(detailOpen);
  const stepRef = useRef<(dir: 1 | -1) => void>(() => undefined);
  useEffect(() => {
    detailOpenRef.current = detailOpen;
    stepRef.current = (dir) => {
      if (events.length === 0) return;
      const from = selectedIndex ?? (dir > 0 ? -1 : events.length);
      select(Math.max(0, Math.min(events.length - 1, from + dir)));
    };
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Escape' && !isTyping(event.target) && detailOpenRef.current) {
        event.preventDefault();
        setDetailOpen(false);
      }
    }
    const onStep = (event: Event) => stepRef.current((event as CustomEvent<StepDetail>).detail.dir);
    document.addEventListener('keydown', onKey);
    window.addEventListener(STEP_EVENT, onStep);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener(STEP_EVENT, onStep);
    };
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
          timeMode={timeMode}
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
        <TimeModeToggle value={timeMode} onChange={(time) => navigate({ time })} />
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
