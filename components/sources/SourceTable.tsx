'use client';

import './sources.css';
import { useCallback, useState } from 'react';
import type { Source } from '../api/api-schemas';
import type { ReportDomain } from '../api/report-schemas';
import type { ClockRef, ProfileOffsets } from './clock-override';
import { SourceTableRow } from './SourceTableRow';

/**
 * The incident's sources, one dense row each, so that a dozen files cost a few hundred pixels
 * and the events table keeps the screen. Each row opens to its details (full error, services,
 * diagnostics, each clock with an Adjust form for a manual offset). Fixed column widths: polled counts change in place without the columns shifting.
 */
interface SourceTableProps {
  sources: readonly Source[];
  /** Clock domains per source name from the analysis report; null while the first report loads. */
  clocks: ReadonlyMap<string, readonly ReportDomain[]> | null;
  /** The profile's manual offsets, to flag overridden clocks (null: not known yet). */
  offsets?: ProfileOffsets | null;
  /** Sets (or with null removes) one clock's manual offset; absent: clocks are read-only. */
  onSaveOffset?: (clock: ClockRef, offsetMs: number | null) => Promise<void>;
}

export function SourceTable({ sources, clocks, offsets = null, onSaveOffset }: SourceTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  return (
    <div className={expanded.size > 0 ? 'source-table-wrap source-table-wrap--expanded' : 'source-table-wrap'}>
      <table className="source-table" aria-label="Sources">
        <colgroup>
          <col />
          <col className="source-table__col-format" />
          <col className="source-table__col-status" />
          <col className="source-table__col-count" />
          <col className="source-table__col-count" />
          <col className="source-table__col-range" />
          <col />
          <col className="source-table__col-clock" />
          <col className="source-table__col-size" />
          <col className="source-table__col-download" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col" className="num">
              Unparsed
            </th>
            <th scope="col">Time range (UTC)</th>
            <th scope="col">Services</th>
            <th scope="col" title="Host clock minus true time, as the alignment estimated it; aligned times subtract it">
              Clock offset
            </th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Original file</span>
            </th>
          </tr>
        </thead>
        {sources.map((source) => (
          <SourceTableRow
            key={source.id}
            source={source}
            expanded={expanded.has(source.id)}
            onToggle={toggle}
            clock={clocks === null ? null : (clocks.get(source.name) ?? [])}
            columns={10}
            offsets={offsets}
            onSaveOffset={onSaveOffset}
          />
        ))}
      </table>
    </div>
  );
}
