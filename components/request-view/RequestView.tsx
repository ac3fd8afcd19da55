'use client';

import './request-view.css';
import { useCallback, useId, useMemo } from 'react';
import { requestViewDtoSchema, type FindingDto, type InvestigationDto, type RequestViewDto } from '@/lib/schemas/investigation';
import { apiUrls } from '../api/api-urls';
import { useApiResource } from '../api/useApiResource';
import type { InvestigationState } from '../investigate/investigation-url';
import type { Navigate } from '../investigate/useInvestigationUrl';
import { ErrorState } from '../ui/ErrorState';
import { countOf } from '../ui/format';
import { IndeterminateProgress } from '../ui/IndeterminateProgress';
import { StateMessage } from '../ui/StateMessage';
import { useElapsedSeconds } from '../ui/useElapsedSeconds';
import { DivergenceBanner } from './DivergenceBanner';
import { findingMarks } from './finding-marks';
import { FindingTable } from './FindingTable';
import { laneLabels } from './lane-labels';
import { RequestEventsTable } from './RequestEventsTable';
import { RequestIdentifiers } from './RequestIdentifiers';
import { RequestWaterfall } from './RequestWaterfall';
import { stepEventId } from './step-selection';
import { durationText, timeOfDay } from './time-text';
import { useWitnessStep } from './useWitnessStep';
import { countByEvent } from '../annotations/annotation-targets';
import { useAnnotations } from '../annotations/useAnnotations';

export interface RequestViewProps {
  incidentId: string;
  investigation: InvestigationDto;
  /** Any identifier of the group (request, correlation or trace id). */
  requestKey: string;
  state: InvestigationState;
  navigate: Navigate;
}

/**
 * One request group (spec section 3): its own first divergence as the headline, the
 * identifiers that joined it and how, a waterfall of its events across sources in aligned time,
 * the events themselves, and its findings and signals with links to the entities they concern.
 * The selected event is the URL's `event`; the keyboard's 'witness:step' walks the events.
 * Fetched again when the analysis fingerprint moves (the previous answer stays up meanwhile).
 */
export function RequestView({ incidentId, investigation, requestKey, state, navigate }: RequestViewProps) {
  const headingId = useId();
  const { data: view, status, error, retry } = useApiResource(apiUrls.requestView(incidentId, requestKey), requestViewDtoSchema, investigation.fingerprint);
  const loading = status === 'loading';
  const elapsed = useElapsedSeconds(loading && !view);
  const labels = useMemo(() => laneLabels(investigation.lanes), [investigation.lanes]);

  const selectEvent = useCallback((eventId: number) => navigate({ event: eventId }, 'push'), [navigate]);
  // Stepping replaces: Back should leave the request, not replay every step through it.
  useWitnessStep((dir) => {
    if (!view) return;
    const next = stepEventId(view.events.map((e) => e.id), state.event, dir);
    if (next !== null && next !== state.event) navigate({ event: next }, 'replace');
  });

  const heading = (
    <h2 id={headingId} className="rv-title">
      Request <code className="rv-title__key">{view?.key ?? requestKey}</code>
    </h2>
  );

  if (!view) {
    let body;
    if (status === 'error' && error?.status === 404) {
      body = (
        <StateMessage title={`No request ${requestKey} in this incident`}>
          No event carries this request, correlation or trace id. It may belong to another incident, or the source that had it was removed.
        </StateMessage>
      );
    } else if (status === 'error') {
      body = <ErrorState title="Could not load this request" message={error?.message ?? 'Unknown error'} onRetry={retry} />;
    } else {
      body = <IndeterminateProgress label="Loading the request" elapsedSeconds={elapsed} />;
    }
    return (
      <section className="request-view" aria-labelledby={headingId} aria-busy={loading || undefined}>
        <header className="rv-head">{heading}</header>
        <div className="view-placeholder">{body}</div>
      </section>
    );
  }

  return (
    <section className="request-view" aria-labelledby={headingId} aria-busy={loading || undefined} data-request={view.key}>
      <header className="rv-head">
        {heading}
        <RequestMeta view={view} />
      </header>
      <div className="view-refresh">{loading ? <IndeterminateProgress label="Refreshing the request" elapsedSeconds={0} slim /> : null}</div>
      {status === 'error' ? <ErrorState title="Could not refresh this request" message={error?.message ?? 'Unknown error'} onRetry={retry} /> : null}
      <RequestBody incidentId={incidentId} view={view} labels={labels} state={state} navigate={navigate} onSelect={selectEvent} />
    </section>
  );
}

function RequestMeta({ view }: { view: RequestViewDto }) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of view.events) {
    if (e.at === null) continue;
    lo = Math.min(lo, e.at);
    hi = Math.max(hi, e.endAt ?? e.at);
  }
  return (
    <p className="rv-head__meta">
      {countOf(view.events.length, 'event')} · {countOf(view.lanes.length, 'lane')}
      {Number.isFinite(lo) ? ` · ${timeOfDay(lo)} → ${timeOfDay(hi)} UTC (${durationText(hi - lo)})` : null} · {countOf(view.findings.length, 'finding')} ·{' '}
      {countOf(view.signals.length, 'signal')}
    </p>
  );
}

interface RequestBodyProps {
  incidentId: string;
  view: RequestViewDto;
  labels: ReadonlyMap<number, string>;
  state: InvestigationState;
  navigate: Navigate;
  onSelect: (eventId: number) => void;
}

function RequestBody({ incidentId, view, labels, state, navigate, onSelect }: RequestBodyProps) {
  const { annotations } = useAnnotations(incidentId);
  const notes = useMemo(() => countByEvent(annotations), [annotations]);
  const marks = useMemo(() => findingMarks(view.findings, view.signals, view.firstDivergence), [view]);
  const first = view.firstDivergence === null ? null : (view.findings[view.firstDivergence] ?? null);
  const openEntity = useCallback(
    (f: FindingDto) => {
      if (f.entity) navigate({ view: 'entity', entity: f.entity, field: f.field }, 'push');
    },
    [navigate],
  );
  const showEvent = useCallback((f: FindingDto) => onSelect(f.eventId), [onSelect]);

  return (
    <>
      {first ? (
        <DivergenceBanner
          finding={first}
          heading="First divergence in this request"
          onShowEvent={() => onSelect(first.eventId)}
          actions={
            first.entity ? (
              <button type="button" className="button button--small" onClick={() => openEntity(first)}>
                Open {first.entity}
                {first.field ? ` · ${first.field}` : ''}
              </button>
            ) : null
          }
        />
      ) : (
        <p className="view-no-divergence">
          <span aria-hidden="true">✓</span> No divergence in this request
          {view.signals.length > 0 ? `; ${countOf(view.signals.length, 'signal')} below` : ''}.
        </p>
      )}

      <RequestIdentifiers view={view} onSelectEvent={onSelect} />

      <section className="rv-section" aria-label="Waterfall">
        <h3 className="rv-subhead">Across sources, aligned time</h3>
        <RequestWaterfall
          requestKey={view.key}
          events={view.events}
          laneIds={view.lanes}
          labels={labels}
          marks={marks}
          firstDivergence={first}
          selected={state.event}
          onSelect={onSelect}
        />
      </section>

      <section className="rv-section" aria-label="Events">
        <h3 className="rv-subhead">Events in aligned order</h3>
        <RequestEventsTable requestKey={view.key} events={view.events} labels={labels} marks={marks} selected={state.event} onSelect={onSelect} notes={notes} />
      </section>

      {view.findings.length + view.signals.length > 0 ? (
        <section className="rv-section rv-findings" aria-label="Findings and signals">
          <FindingTable
            label={`Findings of request ${view.key}`}
            findings={view.findings}
            firstDivergence={view.firstDivergence}
            selectedEvent={state.event}
            onShowEvent={showEvent}
            onOpenEntity={openEntity}
          />
          <FindingTable label={`Signals of request ${view.key}`} findings={view.signals} selectedEvent={state.event} onShowEvent={showEvent} onOpenEntity={openEntity} />
        </section>
      ) : null}
    </>
  );
}
