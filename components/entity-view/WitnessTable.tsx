'use client';

import { useEffect, useRef, useState } from 'react';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { fullTime, timeOfDay } from '../request-view/time-text';
import { useTableRows } from '../request-view/useTableRows';
import type { EntityFieldDto } from './entity-field';
import { formatStateValue } from './value-format';
import '../request-view/view-parts.css';

interface WitnessTableProps {
  entity: string;
  field: EntityFieldDto;
  selected: number | null;
  onSelect: (eventId: number) => void;
  onOpenRequest: (request: string) => void;
  /** State annotations per row index (components/annotations/annotation-targets.ts annotationsByRow). */
  notes?: ReadonlyMap<number, readonly AnnotationDto[]>;
  /** Opens the annotations of a row (and, unless read-only, the form to add one). */
  onNotes?: (rowIndex: number) => void;
  readOnly?: boolean;
}

/**
 * The witness table (issue 4): a column per witness, a row per observation in aligned order.
 * The observing witness's cell holds the value it saw (bold); the others carry what they held
 * then (muted), or nothing before their first observation. A disagreeing cell is hatched and
 * marked ≠ (colour is never the only cue). The first divergence's row is labelled and scrolled
 * into the table's view on load (the selected event's row wins when the URL names one).
 */
export function WitnessTable({ entity, field, selected, onSelect, onOpenRequest, notes, onNotes, readOnly = false }: WitnessTableProps) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const rows = useTableRows(field.rows.length, box);
  const { scrollToRow } = rows;
  const selectedIndex = selected === null ? -1 : field.rows.findIndex((r) => r.eventId === selected);
  const withNotes = onNotes !== undefined;
  const columns = field.witnesses.length + (withNotes ? 3 : 2);

  // Once per field, when the box exists: bring the row that matters into view.
  const scrolledFor = useRef<string | null>(null);
  const target = selectedIndex >= 0 ? selectedIndex : (field.firstDivergenceRow ?? -1);
  useEffect(() => {
    const key = `${entity}\u0000${field.field}`;
    if (!box || scrolledFor.current === key) return;
    scrolledFor.current = key;
    if (target >= 0) scrollToRow(target, 'center');
  }, [box, entity, field.field, target, scrollToRow]);

  useEffect(() => {
    if (selectedIndex >= 0) scrollToRow(selectedIndex, 'auto');
  }, [selectedIndex, scrollToRow]);

  return (
    <div ref={setBox} className="view-table-box ev-table-box">
      <table
        className="view-table ev-table"
        aria-label={`Witness table for ${entity} · ${field.field}`}
        aria-rowcount={rows.virtual ? field.rows.length + 1 : undefined}
        style={{ minWidth: `${14 + field.witnesses.length * 10 + 9 + (withNotes ? 4 : 0)}rem` }}
      >
        <colgroup>
          <col className="ev-col-time" />
          {field.witnesses.map((w, i) => (
            <col key={`${w.lane}-${i}`} />
          ))}
          <col className="ev-col-request" />
          {withNotes ? <col className="ev-col-notes" /> : null}
        </colgroup>
        <thead>
          <tr aria-rowindex={rows.virtual ? 1 : undefined}>
            <th scope="col">Time (UTC)</th>
            {field.witnesses.map((w, i) => (
              <th key={`${w.lane}-${i}`} scope="col" title={w.owner ? `${w.label}: the owner, the truth the others are measured against` : w.label}>
                <span className="ev-witness">
                  <span className="ev-witness__label">{w.label}</span>
                  {w.owner ? <span className="badge ev-owner-badge">owner</span> : null}
                </span>
              </th>
            ))}
            <th scope="col">Request</th>
            {withNotes ? <th scope="col">Notes</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.padTop > 0 ? (
            <tr className="view-spacer" aria-hidden="true">
              <td colSpan={columns} style={{ height: rows.padTop }} />
            </tr>
          ) : null}
          {rows.indexes.map((index) => {
            const row = field.rows[index]!;
            const first = index === field.firstDivergenceRow;
            const isSelected = row.eventId === selected;
            const rowNotes = notes?.get(index) ?? [];
            return (
              <tr
                key={`${index}-${row.eventId}`}
                data-event-id={row.eventId}
                data-first-divergence={first || undefined}
                data-annotated={rowNotes.length > 0 || undefined}
                aria-rowindex={rows.virtual ? index + 2 : undefined}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect(row.eventId)}
              >
                <td className="mono" title={fullTime(row.at)}>
                  <button
                    type="button"
                    className="view-row-button"
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(row.eventId);
                    }}
                  >
                    {timeOfDay(row.at)}
                  </button>
                  {first ? <span className="view-first-label ev-first-label">First divergence</span> : null}
                </td>
                {row.cells.map((cell, w) => {
                  const text = cell.held || cell.observed ? formatStateValue(cell.value) : '';
                  const witness = field.witnesses[w];
                  const className = ['ev-cell', cell.observed ? 'ev-cell--observed' : cell.held ? 'ev-cell--held' : 'ev-cell--empty', cell.disagrees ? 'ev-cell--disagrees' : '']
                    .filter(Boolean)
                    .join(' ');
                  const title = `${witness?.label ?? `witness ${w + 1}`}: ${cell.observed ? `observed ${text}` : cell.held ? `holds ${text}` : 'nothing yet'}${cell.disagrees ? ' (disagrees)' : ''}`;
                  return (
                    <td key={w} className={className} title={title} data-disagrees={cell.disagrees || undefined}>
                      {cell.disagrees ? (
                        <span className="ev-cell__icon" aria-label="disagrees" role="img">
                          ≠
                        </span>
                      ) : null}
                      {cell.observed ? <strong>{text}</strong> : text}
                    </td>
                  );
                })}
                <td className="mono">
                  {row.request ? (
                    <button
                      type="button"
                      className="button button--link ev-request"
                      title={`Open request ${row.request}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpenRequest(row.request!);
                      }}
                    >
                      {row.request}
                    </button>
                  ) : null}
                </td>
                {withNotes ? (
                  <td>
                    {rowNotes.length > 0 || !readOnly ? (
                      <button
                        type="button"
                        className={rowNotes.length > 0 ? 'annotation-marker' : 'button button--small'}
                        title={rowNotes.length > 0 ? rowNotes.map((a) => a.body).join('\n---\n') : undefined}
                        aria-label={
                          rowNotes.length > 0
                            ? `${rowNotes.length} annotation${rowNotes.length === 1 ? '' : 's'} on the state at ${timeOfDay(row.at)}`
                            : `Annotate the state at ${timeOfDay(row.at)}`
                        }
                        onClick={(e) => {
                          e.stopPropagation();
                          onNotes(index);
                        }}
                      >
                        {rowNotes.length > 0 ? `✎ ${rowNotes.length}` : '✎'}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
          {rows.padBottom > 0 ? (
            <tr className="view-spacer" aria-hidden="true">
              <td colSpan={columns} style={{ height: rows.padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
