import type { Source } from '../api/api-schemas';
import type { ReportDomain } from '../api/report-schemas';
import { apiUrls } from '../api/api-urls';
import { formatBytes, formatCount, formatTimeRange, formatTimestamp } from '../ui/format';
import { ClockOffsetCell } from './ClockOffsetCell';
import { overrideKeyInEffect, type ClockRef, type ProfileOffsets } from './clock-override';
import { redactionKinds, redactionLabel } from './redaction-summary';
import { SourceDetails } from './SourceDetails';

interface SourceTableRowProps {
  source: Source;
  expanded: boolean;
  onToggle: (id: string) => void;
  /** The source's clock domains from the report (null: not analyzed yet). */
  clock: readonly ReportDomain[] | null;
  /** The table's column count, for the details row's colSpan. */
  columns: number;
  /** The profile's manual offsets (null: not known yet). */
  offsets: ProfileOffsets | null;
  /** Sets or removes one clock's override (the expanded row's Adjust); absent: read-only. */
  onSaveOffset?: (clock: ClockRef, offsetMs: number | null) => Promise<void>;
}

/** The row's expand button, which the sources summary focuses to reveal a failed source. */
export function sourceToggleId(sourceId: string): string {
  return `source-${sourceId}-toggle`;
}

function fullRange(source: Source): string | undefined {
  if (source.firstTs === null) return undefined;
  return `${formatTimestamp(source.firstTs)} → ${formatTimestamp(source.lastTs)}`;
}

/**
 * One source in one line (its own <tbody>, so the row and its details stay together): the name
 * doubles as the expand button, the biggest target in the row. A failed source has no time
 * range or services, so its error takes their place, one line, in full once expanded.
 */
export function SourceTableRow({ source, expanded, onToggle, clock, columns, offsets, onSaveOffset }: SourceTableRowProps) {
  const nameId = `source-${source.id}-name`;
  const detailsId = `source-${source.id}-details`;
  const failed = source.status === 'failed';
  const services = source.services.join(', ');
  const overridden = (clock ?? []).filter(
    (d) => overrideKeyInEffect(offsets, { source: source.name, service: d.service, single: clock?.length === 1 }) !== null,
  ).length;
  return (
    <tbody className={failed ? 'source-row source-row--failed' : 'source-row'}>
      <tr aria-labelledby={nameId} data-status={source.status}>
        <td className="source-row__name">
          <button
            type="button"
            id={sourceToggleId(source.id)}
            className="source-row__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            title={`${source.name}: ${expanded ? 'hide details' : 'show diagnostics, all services, the full error'}`}
            onClick={() => onToggle(source.id)}
          >
            <span className="source-row__chevron" aria-hidden="true">
              ▸
            </span>
            <span id={nameId} className="source-row__label">
              {source.name}
            </span>
          </button>
        </td>
        <td>{source.format ?? (failed ? '—' : 'detecting…')}</td>
        <td>
          <span className={`status-pill status-pill--${source.status}`}>{source.status}</span>
        </td>
        <td className="num">{formatCount(source.events)}</td>
        <td className="num">
          {source.unparsed > 0 ? (
            <span className="unparsed-count" title="Records that could not be parsed, kept as unparsed events">
              {formatCount(source.unparsed)}
            </span>
          ) : (
            <span className="muted">0</span>
          )}
        </td>
        {failed ? (
          <td colSpan={2} className="source-row__error error-text" title={source.error ?? undefined}>
            {source.error ?? 'Failed'}
          </td>
        ) : (
          <>
            <td className="mono source-row__range" title={fullRange(source)}>
              {formatTimeRange(source.firstTs, source.lastTs)}
            </td>
            <td className="source-row__services" title={services || undefined}>
              {source.services.length > 2 ? <span className="source-row__count">{source.services.length}</span> : null}
              {services || '—'}
            </td>
          </>
        )}
        <td className="source-row__clock">
          <ClockOffsetCell domains={failed ? [] : clock} overridden={failed ? 0 : overridden} />
        </td>
        <td className="num">
          {formatBytes(source.sizeBytes)}
          {source.compressed ? <abbr title="gzip-compressed; events come from the decompressed bytes"> gz</abbr> : null}
        </td>
        <td>
          <a href={apiUrls.sourceRaw(source.id)} download={source.name}>
            Download<span className="visually-hidden"> {source.redacted ? 'stored' : 'original'} {source.name}</span>
          </a>
          {source.status === 'uploading' ? null : (
            <span
              className={source.redacted ? 'source-row__redaction' : 'source-row__redaction source-row__redaction--off'}
              title={redactionKinds(source.redactions) || undefined}
            >
              {redactionLabel(source)}
            </span>
          )}
        </td>
      </tr>
      {expanded ? (
        <tr className="source-row__details">
          <td colSpan={columns} id={detailsId}>
            <SourceDetails source={source} clock={clock} offsets={offsets} onSaveOffset={onSaveOffset} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
