'use client';

import './investigate.css';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import { TimelineAnnotations } from '../annotations/TimelineAnnotations';
import type { Source } from '../api/api-schemas';
import { EntityView } from '../entity-view/EntityView';
import { EventsPanel } from '../events-table/EventsPanel';
import { PostmortemView } from '../postmortem/PostmortemView';
import { RequestView } from '../request-view/RequestView';
import { Timeline } from '../timeline/Timeline';
import { StateMessage } from '../ui/StateMessage';
import { AnalyzingView, type AnalysisProblem } from './AnalyzingView';
import { EntityPicker } from './EntityPicker';
import { EventDetailPanel } from './EventDetailPanel';
import { FindingsPanel } from './FindingsPanel';
import type { InvestigationView } from './investigation-url';
import { JumpSearch } from './JumpSearch';
import { KeyboardHelp } from './KeyboardHelp';
import { useInvestigationKeys } from './useInvestigationKeys';
import { ViewTabs } from './ViewTabs';
import { hasNavigatedInPage, useInvestigationUrl } from './useInvestigationUrl';

interface InvestigationViewsProps {
  incidentId: string;
  investigation: InvestigationDto | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** The server's error code, when it gave one (`analysis_too_large`). */
  errorCode: string | null;
  onRetry: () => void;
  sources: readonly Source[];
  /** Changes when the events listing should be fetched again (a source's status, its first events). */
  eventsRefreshKey: string;
  /** Changes as evidence arrives: the evidence overview is fetched again. */
  overviewVersion: string;
  /** A source is still being uploaded or parsed. */
  ingesting: boolean;
  /** The sources tab's content (the table with clock offsets), made by the page. */
  sourcesView: ReactNode;
}

/**
 * Views built on the analysis (the others read the evidence or the postmortem): each shows one
 * event's detail beside it when the URL selects one.
 */
const ANALYSIS_VIEWS: ReadonlySet<InvestigationView> = new Set(['timeline', 'findings', 'request', 'entity']);

/**
 * The investigation below the overview: the view tabs, the search box, the active view (each
 * reads and writes the URL, so every state is a link) and the selected event's detail. The keys
 * of issue 4 are handled here, once, for every view.
 */
export function InvestigationViews(props: InvestigationViewsProps) {
  const { incidentId, investigation, sources } = props;
  const { state, navigate } = useInvestigationUrl();
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const view: InvestigationView = state.view ?? (sources.length > 0 ? 'timeline' : 'sources');

  const focusSearch = useCallback(() => {
    const target = view === 'events' ? document.getElementById('events-q') : searchRef.current;
    if (target instanceof HTMLInputElement) {
      target.focus();
      target.select();
    }
  }, [view]);
  const back = useCallback(() => {
    if (hasNavigatedInPage()) window.history.back();
  }, []);
  useInvestigationKeys({ investigation, state, view, navigate, focusSearch, toggleHelp: () => setHelp((h) => !h), back });

  // No analysis to show yet (still computing, or nothing ingested completely), or none at all (it
  // failed, or the incident is too large for this server): the evidence so far. A failed refresh
  // keeps the previous analysis on screen (useApiResource) under a line saying so.
  const analyzing = !investigation || (props.ingesting && investigation.lanes.length === 0);
  const problem: AnalysisProblem | null =
    props.status === 'error'
      ? { title: props.errorCode === 'analysis_too_large' ? 'Not analyzed: not enough memory on this server' : 'Could not load the investigation', message: props.error ?? 'Unknown error', onRetry: props.onRetry }
      : null;
  let body: ReactNode;
  if (view === 'events') {
    body = <EventsPanel incidentId={incidentId} sources={sources} refreshKey={props.eventsRefreshKey} />;
  } else if (view === 'sources') {
    body = props.sourcesView;
  } else if (view === 'postmortem') {
    body = <PostmortemView incidentId={incidentId} readOnly={false} />;
  } else if (analyzing || !investigation) {
    body = (
      <AnalyzingView
        incidentId={incidentId}
        sources={sources}
        eventsRefreshKey={props.eventsRefreshKey}
        overviewVersion={props.overviewVersion}
        ingesting={props.ingesting}
        problem={problem}
      />
    );
  } else if (view === 'timeline') {
    body = (
      <>
        <Timeline incidentId={incidentId} investigation={investigation} state={state} navigate={navigate} />
        <TimelineAnnotations incidentId={incidentId} investigation={investigation} state={state} navigate={navigate} />
      </>
    );
  } else if (view === 'findings') {
    body = <FindingsPanel incidentId={incidentId} investigation={investigation} state={state} navigate={navigate} />;
  } else if (view === 'request') {
    body = state.request ? (
      <RequestView key={state.request} incidentId={incidentId} investigation={investigation} requestKey={state.request} state={state} navigate={navigate} />
    ) : (
      <StateMessage title="No request chosen">
        Open one from a finding, an event’s detail, or type its id in the search box ( <kbd>/</kbd> ).
      </StateMessage>
    );
  } else {
    body = state.entity ? (
      <EntityView key={state.entity} incidentId={incidentId} investigation={investigation} entity={state.entity} state={state} navigate={navigate} />
    ) : (
      <EntityPicker investigation={investigation} navigate={navigate} />
    );
  }

  const detail = ANALYSIS_VIEWS.has(view) && state.event !== null && investigation;
  return (
    <section className="investigation" aria-label="Investigation">
      <div className="investigation__bar">
        <ViewTabs
          active={view}
          counts={{ findings: investigation ? investigation.findings.length + investigation.signals.length : null, sources: sources.length }}
          request={state.request}
          entity={state.entity}
          onSelect={(v) => navigate({ view: v })}
        />
        <JumpSearch incidentId={incidentId} investigation={investigation} navigate={navigate} inputRef={searchRef} />
        <button type="button" className="button button--link" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keys <kbd>?</kbd>
        </button>
      </div>
      <div className={detail ? 'investigation__body investigation__body--with-detail' : 'investigation__body'} data-view={view}>
        <div className="investigation__view">
          {problem && investigation && !analyzing && ANALYSIS_VIEWS.has(view) ? (
            <p className="error-text investigation__stale" role="alert">
              <strong>{problem.title}</strong> (shown: the analysis from before the last change): {problem.message}{' '}
              <button type="button" className="button button--link" onClick={problem.onRetry}>
                Retry
              </button>
            </p>
          ) : null}
          {body}
        </div>
        {detail && state.event !== null ? (
          <EventDetailPanel
            key={state.event}
            incidentId={incidentId}
            eventId={state.event}
            investigation={investigation}
            time={state.time}
            navigate={navigate}
            onClose={() => navigate({ event: null })}
          />
        ) : null}
      </div>
      {help ? <KeyboardHelp onClose={() => setHelp(false)} /> : null}
    </section>
  );
}

