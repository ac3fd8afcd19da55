'use client';

import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { EventRow } from '../api/api-schemas';
import { eventColumns } from './event-columns';
import type { TimeModeDto } from '@/lib/schemas/investigation';

/** Fixed row height (px), mirrored by --row-height in globals.css: rows are positioned, never measured. */
export const ROW_HEIGHT = 30;
/** Rows rendered beyond the viewport each way: smooth scrolling while staying far under 100 DOM rows. */
const OVERSCAN = 12;
/** Start fetching the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 60;

interface EventsTableProps {
  events: EventRow[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selectedIndex: number | null;
  detailOpen: boolean;
  onSelect: (index: number) => void;
  onActivate: (index: number) => void;
  onToggleDetail: () => void;
  onCloseDetail: () => void;
  timeMode: TimeModeDto;
}

export function rowDomId(event: EventRow): string {
  return `event-row-${event.id}`;
}

/**
 * The virtualized events grid: TanStack Table owns the column model, TanStack Virtual decides
 * which ~50 rows exist in the DOM. ARIA grid semantics (rows, cells, aria-rowcount/rowindex,
 * aria-selected, aria-activedescendant) keep it usable with a screen reader and role locators.
 */
export function EventsTable(props: EventsTableProps) {
  const { events, hasMore, loadingMore, onLoadMore, selectedIndex, detailOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  // The React Compiler is not enabled in this app, and this component reads the table instance
  // fresh on every render, which is exactly what TanStack Table expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: events,
    columns: eventColumns[props.timeMode],
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });
  const rows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header covers the first row's height: keep keyboard-selected rows out from under it.
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);


  function move(delta: number) {
    if (rows.length === 0) return;
    const from = selectedIndex ?? (delta > 0 ? -1 : rows.length);
    props.onSelect(Math.max(0, Math.min(rows.length - 1, from + delta)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const handlers: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      PageDown: () => move(page),
      PageUp: () => move(-page),
      Home: () => rows.length > 0 && props.onSelect(0),
      End: () => rows.length > 0 && props.onSelect(rows.length - 1),
      Enter: () => props.onToggleDetail(),
      ' ': () => props.onToggleDetail(),
      Escape: () => props.onCloseDetail(),
    };
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  const selectedRow = selectedIndex === null ? undefined : rows[selectedIndex];
  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Events"
      aria-rowcount={hasMore ? -1 : rows.length + 1}
      aria-activedescendant={selectedRow ? rowDomId(selectedRow.original) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div role="row" className="grid__header" key={group.id} aria-rowindex={1}>
            {group.headers.map((header) => (
              <div role="columnheader" className="grid__cell" key={header.id}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div role="rowgroup" className="grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const event = row.original;
          const selected = item.index === selectedIndex;
          return (
            <div
              key={row.id}
              id={rowDomId(event)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              aria-expanded={selected ? detailOpen : undefined}
              className={event.unparsed ? 'grid__row grid__row--unparsed' : 'grid__row'}
              style={{ transform: `translateY(${item.start}px)` }}
              data-unparsed={event.unparsed || undefined}
              onClick={() => {
                scrollRef.current?.focus({ preventScroll: true });
                props.onActivate(item.index);
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <div role="gridcell" className="grid__cell" key={cell.id}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
