'use client';

import { describeLocator } from '@/lib/domain/event';
import type { EventIdsView, EventRow } from '../api/api-schemas';
import { formatTimestamp } from '../ui/format';
import { LevelBadge } from '../ui/LevelBadge';

interface EventDetailProps {
  event: EventRow;
  onClose: () => void;
  /** Narrows the table to one request: identifiers are the way into a request's timeline. */
  onFilterRequest: (id: string) => void;
}

const ID_LABELS: ReadonlyArray<[keyof EventIdsView, string, boolean]> = [
  // [field, label, whether clicking filters by it]
  ['requestId', 'Request id', true],
  ['correlationId', 'Correlation id', true],
  ['traceId', 'Trace id', true],
  ['spanId', 'Span id', false],
  ['parentSpanId', 'Parent span id', false],
  ['sessionId', 'Session id', false],
];

function Field({ label, value }: { label: string; value: string | null }) {
  if (value === null || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Everything known about one event: normalized fields, identifiers, attributes, the raw record and where it came from. */
export function EventDetail({ event, onClose, onFilterRequest }: EventDetailProps) {
  const where = `${event.source ?? event.sourceId}, ${event.locator ? describeLocator(event.locator) : 'no locator'}`;
  const attributes = event.attributes && Object.keys(event.attributes).length > 0 ? event.attributes : null;
  const ids = ID_LABELS.filter(([key]) => event.ids[key]);
  return (
    <section className="detail" role="region" aria-label="Event detail" id="event-detail">
      <div className="detail__head">
        <h2 style={{ margin: 0, fontSize: '1rem' }}>
          Event detail {event.unparsed ? <span className="badge badge--unparsed">unparsed</span> : null}
        </h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close event detail">
          Close <kbd>Esc</kbd>
        </button>
      </div>
      <p className="mono" aria-label="Locator">
        {where}
      </p>
      <h3>Fields</h3>
      <dl>
        <Field label="Time (UTC)" value={event.ts === null ? null : formatTimestamp(event.ts)} />
        <Field
          label="Interval"
          value={event.interval ? `${formatTimestamp(event.interval[0])} → ${formatTimestamp(event.interval[1])} (${(event.interval[1] - event.interval[0]).toFixed(1)} ms)` : null}
        />
        <Field label="Service" value={event.service} />
        {event.level ? (
          <>
            <dt>Level</dt>
            <dd>
              <LevelBadge level={event.level} />
            </dd>
          </>
        ) : null}
        <Field label="Name" value={event.name} />
        <Field label="Status" value={event.status} />
        <Field label={event.unparsed ? 'Why unparsed' : 'Message'} value={event.message} />
      </dl>
      {ids.length > 0 ? (
        <>
          <h3>Identifiers</h3>
          <dl>
            {ids.map(([key, label, filterable]) => {
              const value = event.ids[key] ?? '';
              return (
                <div key={key} style={{ display: 'contents' }}>
                  <dt>{label}</dt>
                  <dd className="mono">
                    {filterable ? (
                      <button
                        type="button"
                        className="button button--link mono"
                        onClick={() => onFilterRequest(value)}
                        title="Show only this request's events"
                        aria-label={`Filter by ${label.toLowerCase()} ${value}`}
                      >
                        {value}
                      </button>
                    ) : (
                      value
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
      {attributes ? (
        <>
          <h3>Attributes</h3>
          <pre aria-label="Attributes">{JSON.stringify(attributes, null, 2)}</pre>
        </>
      ) : null}
      <h3>Raw</h3>
      <pre aria-label="Raw text">{event.raw}</pre>
    </section>
  );
}
