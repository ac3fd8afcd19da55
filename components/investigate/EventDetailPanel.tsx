'use client';

import './event-detail-panel.css';
import { useId } from 'react';
import { describeLocator } from '@/lib/domain/event';
import { eventDetailDtoSchema, type EventDetailDto, type InvestigationDto, type TimeModeDto } from '@/lib/schemas/investigation';
import { EventAnnotations } from '../annotations/EventAnnotations';
import { useApiResource } from '../api/useApiResource';
import { formatOffset, laneName, laneOffsetText } from '../timeline/lane-offset-text';
import { eventDetailUrl } from '../timeline/timeline-urls';
import { formatDuration, formatTimestamp } from '../ui/format';
import { LevelBadge } from '../ui/LevelBadge';
import { StateMessage } from '../ui/StateMessage';
import type { Navigate } from './useInvestigationUrl';

interface EventDetailPanelProps {
  incidentId: string;
  eventId: number;
  /** The mode the views show: its time is listed first. */
  time: TimeModeDto;
  navigate: Navigate;
  onClose: () => void;
  /** When given, lanes name their offset's basis and findings are listed by summary. */
  investigation?: InvestigationDto | null;
}

type Ids = EventDetailDto['event']['ids'];

const ID_LABELS: ReadonlyArray<[keyof Ids, string]> = [
  ['requestId', 'Request id'],
  ['correlationId', 'Correlation id'],
  ['traceId', 'Trace id'],
  ['spanId', 'Span id'],
  ['parentSpanId', 'Parent span id'],
  ['sessionId', 'Session id'],
];

/**
 * One event in full beside the investigation views: its time as written and as aligned (with
 * the offset between them, so the shift is never silent), where it came from, its identifiers,
 * attributes and raw text, and the ways on: its request, the entities it observed, the timeline.
 * The raw text is rendered as text in a <pre>, never as HTML: evidence can hold anything.
 */
export function EventDetailPanel({ incidentId, eventId, time, navigate, onClose, investigation }: EventDetailPanelProps) {
  const headingId = useId();
  const { data, status, error, retry } = useApiResource(eventDetailUrl(incidentId, eventId), eventDetailDtoSchema, investigation?.fingerprint ?? '');

  let body;
  if (data) body = <EventDetailBody detail={data} time={time} navigate={navigate} investigation={investigation ?? null} />;
  else if (status === 'error' && error)
    body = (
      <StateMessage
        tone="error"
        title={error.status === 404 ? 'Event not found' : 'Could not load the event'}
        action={
          <button type="button" className="button button--small" onClick={retry}>
            Retry
          </button>
        }
      >
        {error.status === 404 ? `No event ${eventId} in this incident: the link may be from another incident or an older upload.` : error.message}
      </StateMessage>
    );
  else body = <StateMessage title="Loading the event…" />;

  return (
    <aside className="event-panel" aria-labelledby={headingId} data-event-id={eventId}>
      <div className="event-panel__head">
        <h2 id={headingId} className="event-panel__title">
          Event <span className="mono">#{eventId}</span> {data?.event.unparsed ? <span className="badge badge--unparsed">unparsed</span> : null}
        </h2>
        <button type="button" className="button button--small" onClick={onClose} aria-label="Close event detail" aria-keyshortcuts="Escape">
          Close <kbd>Esc</kbd>
        </button>
      </div>
      {data ? <EventAnnotations incidentId={incidentId} eventId={eventId} /> : null}
      {body}
    </aside>
  );
}

function EventDetailBody({
  detail,
  time,
  navigate,
  investigation,
}: {
  detail: EventDetailDto;
  time: TimeModeDto;
  navigate: Navigate;
  investigation: InvestigationDto | null;
}) {
  const ev = detail.event;
  const lane = investigation?.lanes[detail.lane] ?? null;
  const rawStart = ev.interval ? ev.interval[0] : ev.ts;
  const duration = ev.interval ? ev.interval[1] - ev.interval[0] : null;
  const offsetText = lane ? laneOffsetText(lane) : formatOffset(detail.offsetMs);
  const rawRow = (
    <TimeRow key="raw" label="Raw" current={time === 'raw'} value={formatTimestamp(rawStart)} note="as the source wrote it" />
  );
  const alignedRow = (
    <TimeRow
      key="aligned"
      label="Aligned"
      current={time === 'aligned'}
      value={formatTimestamp(detail.at)}
      note={detail.offsetMs === 0 ? 'same as raw (lane offset +0 ms)' : `raw shifted ${formatOffset(-detail.offsetMs)} (lane offset ${formatOffset(detail.offsetMs)})`}
    />
  );
  const ids = ID_LABELS.filter(([key]) => ev.ids[key]);
  const attributes = Object.keys(ev.attributes).length > 0 ? ev.attributes : null;

  return (
    <div className="event-panel__body">
      <div className="event-panel__links" role="group" aria-label="Open">
        {detail.request ? (
          <button type="button" className="button button--small" onClick={() => navigate({ view: 'request', request: detail.request })}>
            Open request <span className="mono event-panel__key">{detail.request}</span>
          </button>
        ) : null}
        {detail.entities.map((entity) => (
          <button key={entity} type="button" className="button button--small" onClick={() => navigate({ view: 'entity', entity, field: null })}>
            Open entity <span className="mono event-panel__key">{entity}</span>
          </button>
        ))}
        <button type="button" className="button button--small" onClick={() => navigate({ view: 'timeline', event: ev.id })}>
          Show in timeline
        </button>
      </div>

      <h3>Time</h3>
      <dl className="event-panel__times">
        {time === 'raw' ? [rawRow, alignedRow] : [alignedRow, rawRow]}
        {duration !== null ? (
          <>
            <dt>Duration</dt>
            <dd>
              {formatDuration(duration)} <span className="muted">({duration.toLocaleString('en-US')} ms)</span>
            </dd>
          </>
        ) : null}
        <dt>Lane offset</dt>
        <dd>
          <span className="event-panel__offset mono">{offsetText}</span>
        </dd>
      </dl>

      <h3>Event</h3>
      <dl>
        <Field label="Source" value={ev.source} />
        <Field label="Service" value={ev.service} />
        {lane ? <Field label="Lane" value={laneName(lane)} /> : null}
        {ev.level ? (
          <>
            <dt>Level</dt>
            <dd>
              <LevelBadge level={ev.level} />
            </dd>
          </>
        ) : null}
        <Field label="Name" value={ev.name} />
        <Field label="Status" value={ev.status} />
        <Field label={ev.unparsed ? 'Why unparsed' : 'Message'} value={ev.message} />
        <Field label="Locator" value={describeLocator(ev.locator)} mono />
      </dl>

      {ids.length > 0 ? (
        <>
          <h3>Identifiers</h3>
          <dl>
            {ids.map(([key, label]) => (
              <Field key={key} label={label} value={ev.ids[key]} mono />
            ))}
          </dl>
        </>
      ) : null}

      {detail.findings.length > 0 ? (
        <>
          <h3>Findings</h3>
          <ul className="event-panel__findings">
            {detail.findings.map((ref) => {
              const finding = investigation ? (ref.divergence ? investigation.findings : investigation.signals)[ref.index] : undefined;
              return (
                <li key={`${ref.divergence ? 'd' : 's'}${ref.index}`} data-divergence={ref.divergence}>
                  <span className="event-panel__finding-kind">{ref.divergence ? 'Divergence' : 'Signal'}</span>{' '}
                  {finding ? `${finding.kind.replace('_', ' ')}: ${finding.summary}` : `#${ref.index + 1}`}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      {attributes ? (
        <>
          <h3>Attributes</h3>
          <pre className="event-panel__pre" aria-label="Attributes">
            {JSON.stringify(attributes, null, 2)}
          </pre>
        </>
      ) : null}

      <h3>Raw</h3>
      <pre className="event-panel__pre" aria-label="Raw text">
        {ev.raw}
      </pre>
    </div>
  );
}

function TimeRow({ label, current, value, note }: { label: string; current: boolean; value: string; note: string }) {
  return (
    <>
      <dt>
        {label}
        {current ? <span className="event-panel__current"> (shown)</span> : null}
      </dt>
      <dd className={current ? 'event-panel__time event-panel__time--current' : 'event-panel__time'}>
        <span className="mono">{value}</span> <span className="muted">{note}</span>
      </dd>
    </>
  );
}

function Field({ label, value, mono = false }: { label: string; value: string | null; mono?: boolean }) {
  if (value === null || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </>
  );
}
