import type { Source } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';
import { formatBytes, formatCount, formatTimestamp } from '../ui/format';
import { SourceDiagnostics } from './SourceDiagnostics';

/** A source at a glance: what it was detected as, how much it held, what could not be read. */
export function SourceCard({ source }: { source: Source }) {
  const titleId = `source-${source.id}-title`;
  const failed = source.status === 'failed';
  return (
    <li className={failed ? 'source-card source-card--failed' : 'source-card'} aria-labelledby={titleId}>
      <h3 className="source-card__title">
        <span id={titleId}>{source.name}</span>
        <span className={`status-pill status-pill--${source.status}`}>{source.status}</span>
      </h3>
      <dl>
        <dt>Format</dt>
        <dd>{source.format ?? (source.status === 'failed' ? 'not detected' : 'detecting…')}</dd>
        <dt>Events</dt>
        <dd>{formatCount(source.events)}</dd>
        <dt>Unparsed</dt>
        <dd>
          {source.unparsed > 0 ? (
            <span className="unparsed-count" title="Records that could not be parsed are kept as unparsed events">
              {formatCount(source.unparsed)}
            </span>
          ) : (
            '0'
          )}
        </dd>
        <dt>Time range</dt>
        <dd className="mono">
          {source.firstTs === null ? '—' : `${formatTimestamp(source.firstTs)} → ${formatTimestamp(source.lastTs)}`}
        </dd>
        <dt>Services</dt>
        <dd>{source.services.length > 0 ? source.services.join(', ') : '—'}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(source.sizeBytes)}
          {source.compressed ? ' (gzip)' : ''}
        </dd>
      </dl>
      {source.error ? (
        <p className="error-text" role="alert">
          {source.error}
        </p>
      ) : null}
      {source.status === 'ready' || source.status === 'failed' ? <SourceDiagnostics sourceId={source.id} /> : null}
      <a href={apiUrls.sourceRaw(source.id)} download={source.name}>
        Download original
        <span className="visually-hidden"> {source.name}</span>
      </a>
    </li>
  );
}
