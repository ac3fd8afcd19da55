'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback } from 'react';

/** Fixed row height (px), mirrored by --view-row-height in view-parts.css: rows are positioned, never measured. */
export const TABLE_ROW_HEIGHT = 30;
/** Above this many rows only the visible ones (plus overscan) are in the DOM. */
export const VIRTUALIZE_ABOVE = 200;
const OVERSCAN = 12;

export type RowAlign = 'auto' | 'center';

/**
 * Which rows of a real <table> to render inside a scroll box with a sticky one-row header. Up to
 * VIRTUALIZE_ABOVE rows all are rendered (find-in-page works, nothing to keep in sync); above it
 * TanStack Virtual picks the visible ones and spacer rows stand in for the rest. Either way
 * `scrollToRow` scrolls only the box, never the page.
 */
export function useTableRows(count: number, scrollElement: HTMLElement | null) {
  const virtual = count > VIRTUALIZE_ABOVE;
  // The React Compiler is not enabled in this app; the virtualizer is read fresh on every render,
  // which is what TanStack Virtual expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    enabled: virtual,
    getScrollElement: () => scrollElement,
    estimateSize: () => TABLE_ROW_HEIGHT,
    overscan: OVERSCAN,
    // The header row sits above the first row, and stays stuck over the box's top edge.
    paddingStart: TABLE_ROW_HEIGHT,
    scrollPaddingStart: TABLE_ROW_HEIGHT,
  });

  const scrollToRow = useCallback(
    (index: number, align: RowAlign) => {
      if (index < 0 || index >= count || !scrollElement) return;
      if (virtual) {
        virtualizer.scrollToIndex(index, { align });
        return;
      }
      const top = TABLE_ROW_HEIGHT * (index + 1);
      const view = scrollElement.clientHeight;
      if (align === 'center') scrollElement.scrollTop = Math.max(0, top - (view - TABLE_ROW_HEIGHT) / 2);
      else if (top - TABLE_ROW_HEIGHT < scrollElement.scrollTop) scrollElement.scrollTop = top - TABLE_ROW_HEIGHT;
      else if (top + TABLE_ROW_HEIGHT > scrollElement.scrollTop + view) scrollElement.scrollTop = top + TABLE_ROW_HEIGHT - view;
    },
    [count, scrollElement, virtual, virtualizer],
  );

  if (!virtual) return { indexes: Array.from({ length: count }, (_, i) => i), padTop: 0, padBottom: 0, virtual, scrollToRow };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return {
    indexes: items.map((item) => item.index),
    padTop: first ? first.start - TABLE_ROW_HEIGHT : 0,
    padBottom: last ? virtualizer.getTotalSize() - last.end : 0,
    virtual,
    scrollToRow,
  };
}
