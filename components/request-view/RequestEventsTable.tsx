'use client';

import { useEffect, useState } from 'react';
import type { EventBriefDto } from '@/lib/schemas/investigation';
import { LevelBadge } from '../ui/LevelBadge';
import type { EventMarks } from './finding-marks';
import { FindingKindBadge } from '../analysis/FindingKindBadge';
import { NoteCount } from '../annotations/NoteCount';
import { eventLaneLabel } from './lane-labels';
import { durationText, fullTime, timeOfDay } from './time-text';
import { useTableRows } from './useTableRows';
import './view-parts.css';

interface RequestEventsTableProps {
  requestKey: string;
  events: readonly EventBriefDto[];
  labels: ReadonlyMap<number, string>;
  marks: ReadonlyMap<number, EventMarks>;
  selected: number | null;
  onSelect: (eventId: number) => void;
  /** Annotations per event id: a row with notes says so (they open in the event's detail). */
  notes?: ReadonlyMap<number, number>;
}

/**
 * The request's events in aligned order, one fixed-height row each (virtualized above 200):
 * time, lane, level, status, duration, what happened, and the findings it triggered. A row
 * click selects the event; the time is a button, so the keyboard can do the same. The selected
 * row is kept in view inside the table's own scroll box.
 */
export function RequestEventsTable({ requestKey, events, labels, marks, selected, onSelect, notes }: RequestEventsTableProps) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const rows = useTableRows(events.length, box);
  const selectedIndex = selected === null ? -1 : events.findIndex((e) => e.id === selected);
  const { scrollToRow } = rows;

  useEffect(() => {
    if (selectedIndex >= 0) scrollToRow(selectedIndex, 'auto');
  }, [selectedIndex, scrollToRow]);

  return (
    <div ref={setBox} className="view-table-box rv-events">
      <table
        className="view-table rv-events__table"
        aria-label={`Events of request ${requestKey}`}
        aria-rowcount={rows.virtual ? events.length + 1 : undefined}
      >
        <colgroup>
          <col className="rv-col-time" />
          <col className="rv-col-lane" />
          <col className="rv-col-level" />
          <col className="rv-col-status" />
          <col className="rv-col-duration" />
          <col />
          <col className="rv-col-findings" />
        </colgroup>
        <thead>
          <tr aria-rowindex={rows.virtual ? 1 : undefined}>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Lane</th>
            <th scope="col">Level</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Event</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {rows.padTop > 0 ? (
            <tr className="view-spacer" aria-hidden="true">
              <td colSpan={7} style={{ height: rows.padTop }} />
            </tr>
          ) : null}
          {rows.indexes.map((index) => {
            const event = events[index]!;
            const m = marks.get(event.id);
            const isSelected = event.id === selected;
            const lane = eventLaneLabel(labels, event);
            const text = [event.name, event.message].filter((t): t is string => !!t && t !== '').join(' — ') || '(no message)';
            return (
              <tr
                key={event.id}
                data-event-id={event.id}
                aria-rowindex={rows.virtual ? index + 2 : undefined}
                aria-current={isSelected ? 'true' : undefined}
                data-first-divergence={m?.firstDivergence || undefined}
                onClick={() => onSelect(event.id)}
              >
                <td className="mono" title={fullTime(event.at)}>
                  <button type="button" className="view-row-button" onClick={(e) => {
                    e.stopPropagation();
                    onSelect(event.id);
                  }}>
                    {timeOfDay(event.at)}
                  </button>
                </td>
                <td title={lane}>{lane}</td>
                <td>
                  <LevelBadge level={event.level} />
                </td>
                <td className="mono">{event.status ?? ''}</td>
                <td className="num">{event.at !== null && event.endAt !== null ? durationText(Math.max(0, event.endAt - event.at)) : ''}</td>
                <td title={text}>{text}</td>
                <td className="rv-events__marks">
                  {m?.firstDivergence ? <span className="view-first-label">First divergence</span> : null}
                  {m ? [...m.divergences, ...m.signals].map((f) => <FindingKindBadge key={`${f.divergence ? 'f' : 's'}${f.index}`} kind={f.kind} />) : null}
                  <NoteCount count={notes?.get(event.id) ?? 0} />
                </td>
              </tr>
            );
          })}
          {rows.padBottom > 0 ? (
            <tr className="view-spacer" aria-hidden="true">
              <td colSpan={7} style={{ height: rows.padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
