import type { Source } from '../api/api-schemas';
import type { ReportDomain } from '../api/report-schemas';
import { countOf, formatBytes, formatDuration, formatTimestamp } from '../ui/format';
import { ClockDomainItem } from './ClockDomainItem';
import { overrideKeyInEffect, type ClockRef, type ProfileOffsets } from './clock-override';
import { redactionKinds, redactionLabel } from './redaction-summary';
import { SourceDiagnostics } from './SourceDiagnostics';

interface SourceDetailsProps {
  source: Source;
  clock: readonly ReportDomain[] | null;
  /** The profile's manual offsets (null: not known yet). */
  offsets: ProfileOffsets | null;
  /** Sets or removes one clock's override; absent: the clocks are read-only. */
  onSaveOffset?: (clock: ClockRef, offsetMs: number | null) => Promise<void>;
}

/**
 * What the row had to cut short: the full error, time range and service list, each clock (with
 * its Adjust form), then the diagnostics.
 */
export function SourceDetails({ source, clock, offsets, onSaveOffset }: SourceDetailsProps) {
  const settled = source.status === 'ready' || source.status === 'failed';
  return (
    <div className="source-details">
      <dl className="source-details__facts">
        {source.error ? (
          <>
            <dt>Error</dt>
            <dd className="error-text">{source.error}</dd>
          </>
        ) : null}
        <dt>Format</dt>
        <dd>{source.format ?? (source.status === 'failed' ? 'not detected' : 'detecting…')}</dd>
        <dt>Time range</dt>
        <dd className="mono">
          {source.firstTs === null
            ? '—'
            : `${formatTimestamp(source.firstTs)} → ${formatTimestamp(source.lastTs)} (${formatDuration((source.lastTs ?? source.firstTs) - source.firstTs)})`}
        </dd>
        <dt>{source.services.length === 1 ? 'Service' : `Services (${source.services.length})`}</dt>
        <dd>{source.services.length > 0 ? source.services.join(', ') : '—'}</dd>
        {clock && clock.length > 0 ? (
          <>
            <dt>{clock.length === 1 ? 'Clock' : `Clocks (${clock.length})`}</dt>
            <dd>
              {clock.map((d) => {
                const ref: ClockRef = { source: source.name, service: d.service, single: clock.length === 1 };
                return (
                  <ClockDomainItem
                    key={d.service}
                    sourceName={source.name}
                    domain={d}
                    overridden={overrideKeyInEffect(offsets, ref) !== null}
                    onSaveOffset={onSaveOffset ? (offsetMs) => onSaveOffset(ref, offsetMs) : undefined}
                  />
                );
              })}
            </dd>
          </>
        ) : null}
        <dt>Size</dt>
        <dd>
          {formatBytes(source.sizeBytes)} ({countOf(source.sizeBytes, 'byte')}
          {source.compressed ? ', gzip' : ''})
        </dd>
        <dt>Redaction</dt>
        <dd data-testid="source-redaction">
          {source.redacted
            ? `${redactionLabel(source)}${redactionKinds(source.redactions) ? `: ${redactionKinds(source.redactions)}` : ''}`
            : 'off for this upload: the stored bytes are the file as uploaded, secrets included'}
        </dd>
        {source.sha256 ? (
          <>
            <dt>SHA-256</dt>
            <dd className="mono">{source.sha256}</dd>
          </>
        ) : null}
      </dl>
      <div className="source-details__diagnostics">
        <h3>Diagnostics</h3>
        {settled ? (
          // Keyed by status: a source that finishes parsing while open fetches its final list.
          <SourceDiagnostics key={source.status} sourceId={source.id} />
        ) : (
          <p className="muted">Reported once parsing ends.</p>
        )}
      </div>
    </div>
  );
}
