'use client';

import './entity-view.css';
import { useCallback, useId, useMemo, useState } from 'react';
import { entityViewDtoSchema, type EntityViewDto, type FindingDto, type InvestigationDto } from '@/lib/schemas/investigation';
import { useReadOnly } from '../access/ReadOnlyContext';
import { annotationsByRow, stateAnnotationsOf } from '../annotations/annotation-targets';
import { EntityAnnotations } from '../annotations/EntityAnnotations';
import { useAnnotations } from '../annotations/useAnnotations';
import { apiUrls } from '../api/api-urls';
import { useApiResource } from '../api/useApiResource';
import type { InvestigationState } from '../investigate/investigation-url';
import type { Navigate } from '../investigate/useInvestigationUrl';
import { DivergenceBanner } from '../request-view/DivergenceBanner';
import { FindingTable } from '../request-view/FindingTable';
import { stepEventId } from '../request-view/step-selection';
import { useWitnessStep } from '../request-view/useWitnessStep';
import { ErrorState } from '../ui/ErrorState';
import { countOf } from '../ui/format';
import { IndeterminateProgress } from '../ui/IndeterminateProgress';
import { StateMessage } from '../ui/StateMessage';
import { useElapsedSeconds } from '../ui/useElapsedSeconds';
import { chooseField, type EntityFieldDto } from './entity-field';
import { FieldTabs } from './FieldTabs';
import { WitnessStepChart } from './WitnessStepChart';
import { WitnessTable } from './WitnessTable';

export interface EntityViewProps {
  incidentId: string;
  investigation: InvestigationDto;
  /** `type:id`. */
  entity: string;
  state: InvestigationState;
  navigate: Navigate;
}

/**
 * One entity's state as its witnesses saw it (spec sections 5 and 6): the entity's own first
 * divergence and findings, then per field (a tab; the URL's `field`, by default the first
 * divergence's) a step chart of each witness's value over aligned time and the witness table
 * below it. Rows select their event; a row's request opens the request view. The keyboard's
 * 'witness:step' walks the rows.
 */
export function EntityView({ incidentId, investigation, entity, state, navigate }: EntityViewProps) {
  const headingId = useId();
  const { data: view, status, error, retry } = useApiResource(apiUrls.entityView(incidentId, entity), entityViewDtoSchema, investigation.fingerprint);
  const loading = status === 'loading';
  const elapsed = useElapsedSeconds(loading && !view);
  const field = view ? chooseField(view, state.field) : null;

  // Stepping replaces: Back should leave the entity, not replay every step through its rows.
  useWitnessStep((dir) => {
    if (!field) return;
    const next = stepEventId(field.rows.map((r) => r.eventId), state.event, dir);
    if (next !== null && next !== state.event) navigate({ event: next }, 'replace');
  });

  const heading = (
    <h2 id={headingId} className="ev-title">
      Entity <code className="ev-title__name">{view?.entity ?? entity}</code>
    </h2>
  );

  if (!view) {
    let body;
    if (status === 'error' && error?.status === 404) {
      body = (
        <StateMessage title={`No entity ${entity} in this incident`}>
          No event observed its state. Check the id (ids compare as text: <code>007</code> is not <code>7</code>) or the profile’s keys and paths.
        </StateMessage>
      );
    } else if (status === 'error') {
      body = <ErrorState title="Could not load this entity" message={error?.message ?? 'Unknown error'} onRetry={retry} />;
    } else {
      body = <IndeterminateProgress label="Loading the entity" elapsedSeconds={elapsed} />;
    }
    return (
      <section className="entity-view" aria-labelledby={headingId} aria-busy={loading || undefined}>
        <header className="ev-head">{heading}</header>
        <div className="view-placeholder">{body}</div>
      </section>
    );
  }

  return (
    <section className="entity-view" aria-labelledby={headingId} aria-busy={loading || undefined} data-entity={view.entity}>
      <header className="ev-head">
        {heading}
        <p className="ev-head__meta">
          {view.owner ? (
            <>
              owner <strong className="mono">{view.owner}</strong>: the others are measured against it
            </>
          ) : (
            'no owner in the profile: witnesses are compared with each other'
          )}
          {' · '}
          {countOf(view.fields.length, 'field')} · {countOf(view.findings.length, 'finding')}
          <EntityAnnotationCount incidentId={incidentId} entity={view.entity} />
        </p>
      </header>
      <div className="view-refresh">{loading ? <IndeterminateProgress label="Refreshing the entity" elapsedSeconds={0} slim /> : null}</div>
      {status === 'error' ? <ErrorState title="Could not refresh this entity" message={error?.message ?? 'Unknown error'} onRetry={retry} /> : null}
      <EntityBody incidentId={incidentId} view={view} field={field} state={state} navigate={navigate} />
    </section>
  );
}

/** The entity view's annotation indicator: notes on its state (any field). */
function EntityAnnotationCount({ incidentId, entity }: { incidentId: string; entity: string }) {
  const { annotations } = useAnnotations(incidentId);
  const n = stateAnnotationsOf(annotations, entity).length;
  if (n === 0) return null;
  return (
    <>
      {' · '}
      <span className="annotation-marker" data-entity-annotations={n}>
        ✎ {countOf(n, 'annotation')}
      </span>
    </>
  );
}

interface EntityBodyProps {
  incidentId: string;
  view: EntityViewDto;
  field: EntityFieldDto | null;
  state: InvestigationState;
  navigate: Navigate;
}

function EntityBody({ incidentId, view, field, state, navigate }: EntityBodyProps) {
  const ids = useId();
  const readOnly = useReadOnly();
  const { annotations } = useAnnotations(incidentId);
  // The row whose notes are open below the table, per field (a new field starts closed).
  const [noteRow, setNoteRow] = useState<{ field: string; row: number } | null>(null);
  const fieldNotes = useMemo(() => (field ? stateAnnotationsOf(annotations, view.entity, field.field) : []), [annotations, view.entity, field]);
  const byRow = useMemo(() => (field ? annotationsByRow(fieldNotes, view.entity, field.field, field.rows) : new Map()), [fieldNotes, view.entity, field]);
  const first = view.firstDivergence === null ? null : (view.findings[view.firstDivergence] ?? null);
  const selectEvent = useCallback((eventId: number) => navigate({ event: eventId }, 'push'), [navigate]);
  const openRequest = useCallback((request: string) => navigate({ view: 'request', request }, 'push'), [navigate]);
  // A finding's event is a row of its own field: show that field with the event selected.
  const showFinding = useCallback((f: FindingDto) => navigate(f.field ? { field: f.field, event: f.eventId } : { event: f.eventId }, 'push'), [navigate]);
  const tabId = (name: string) => `${ids}-tab-${view.fields.findIndex((f) => f.field === name)}`;
  const panelId = `${ids}-panel`;
  const firstDivergenceAt = field && field.firstDivergenceRow !== null ? (field.rows[field.firstDivergenceRow]?.at ?? null) : null;

  return (
    <>
      {first ? (
        <DivergenceBanner
          finding={first}
          heading="First divergence of this entity"
          onShowEvent={() => showFinding(first)}
          actions={
            first.request ? (
              <button type="button" className="button button--small" onClick={() => openRequest(first.request!)}>
                Open request <span className="mono">{first.request}</span>
              </button>
            ) : null
          }
        />
      ) : (
        <p className="view-no-divergence">
          <span aria-hidden="true">✓</span> The witnesses of this entity never diverge.
        </p>
      )}

      {view.findings.length > 0 ? (
        <FindingTable
          label={`Findings of ${view.entity}`}
          findings={view.findings}
          firstDivergence={view.firstDivergence}
          selectedEvent={state.event}
          onShowEvent={showFinding}
          onOpenRequest={(f) => f.request && openRequest(f.request)}
        />
      ) : null}

      {field ? (
        <section className="ev-fields" aria-label="State by field">
          <FieldTabs entity={view.entity} fields={view.fields} active={field.field} panelId={panelId} tabId={tabId} onChoose={(name) => navigate({ field: name }, 'push')} />
          <div id={panelId} role="tabpanel" aria-labelledby={tabId(field.field)} className="ev-panel">
            <p className="ev-panel__meta muted">
              {countOf(field.rows.length, 'observation')} by {field.witnesses.length === 1 ? 'one witness' : `${field.witnesses.length} witnesses`}
              {field.firstDivergenceRow === null ? ' · they never disagree' : ''}
            </p>
            <WitnessStepChart entity={view.entity} field={field} firstDivergenceAt={firstDivergenceAt} selected={state.event} onSelect={selectEvent} />
            <WitnessTable
              key={field.field}
              entity={view.entity}
              field={field}
              selected={state.event}
              onSelect={selectEvent}
              onOpenRequest={openRequest}
              notes={byRow}
              onNotes={(row) => setNoteRow({ field: field.field, row })}
              readOnly={readOnly}
            />
            <EntityAnnotations
              incidentId={incidentId}
              entity={view.entity}
              field={field}
              annotations={fieldNotes}
              row={noteRow?.field === field.field ? noteRow.row : null}
              onCloseRow={() => setNoteRow(null)}
            />
          </div>
        </section>
      ) : (
        <StateMessage title="No state observed">This entity has no observed fields.</StateMessage>
      )}
    </>
  );
}
