/**
 * Column definitions of the events table. Cells stay single-line (fixed row height is what lets
 * the virtualizer position rows without measuring them); full values live in the detail panel.
 */
import { createColumnHelper } from '@tanstack/react-table';
import type { EventRow } from '../api/api-schemas';
import { formatTimestamp } from '../ui/format';
import { LevelBadge } from '../ui/LevelBadge';

const column = createColumnHelper<EventRow>();

/** The request-ish identifier worth a glance in the table: request id first, else trace id. */
export function primaryId(event: EventRow): string | null {
  return event.ids.requestId ?? event.ids.correlationId ?? event.ids.traceId ?? null;
}

/**
 * The time column in either mode. Aligned shows `at` (the host's time minus its clock offset)
 * where the analysis has placed the event; an event it has not (the analysis is still running)
 * shows its raw time, marked, so a shifted and an unshifted time never look alike.
 */
const timeColumns = {
  raw: column.accessor('ts', {
    id: 'time',
    header: 'Time (UTC, raw)',
    cell: (info) => <span className="mono">{formatTimestamp(info.getValue())}</span>,
  }),
  aligned: column.accessor((e) => e.at ?? e.ts, {
    id: 'time',
    header: 'Time (UTC, aligned)',
    cell: (info) => (
      <span className="mono" title={info.row.original.at === null ? 'raw time: not aligned yet' : undefined}>
        {formatTimestamp(info.getValue())}
        {info.row.original.at === null && info.row.original.ts !== null ? <span className="muted"> raw</span> : null}
      </span>
    ),
  }),
};

const otherColumns = [
  column.accessor((e) => e.source ?? e.sourceId, { id: 'source', header: 'Source' }),
  column.accessor('service', { header: 'Service', cell: (info) => info.getValue() ?? '' }),
  column.accessor('level', {
    header: 'Level',
    cell: (info) =>
      info.row.original.unparsed ? (
        <span className="badge badge--unparsed">unparsed</span>
      ) : (
        <LevelBadge level={info.getValue()} />
      ),
  }),
  column.accessor('name', { header: 'Name', cell: (info) => info.getValue() ?? '' }),
  column.accessor('status', { header: 'Status', cell: (info) => info.getValue() ?? '' }),
  column.accessor((e) => (e.unparsed ? e.raw : (e.message ?? '')), {
    id: 'message',
    header: 'Message',
    // Unparsed rows show their raw text: the parser's reason is in the detail panel.
    cell: (info) => (info.row.original.unparsed ? <span className="mono">{info.getValue()}</span> : info.getValue()),
  }),
  column.accessor(primaryId, {
    id: 'requestId',
    header: 'Request / trace id',
    cell: (info) => <span className="mono">{info.getValue() ?? ''}</span>,
  }),
];

export const eventColumns = {
  raw: [timeColumns.raw, ...otherColumns],
  aligned: [timeColumns.aligned, ...otherColumns],
};

