'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseFilters, writeFilters, type EventFilters } from './event-filters';

/**
 * Filter state read from and written to the URL. Writes go through the native History API,
 * which Next.js syncs into useSearchParams without a server round trip (the page's data is all
 * client-fetched). Discrete choices push a history entry (Back undoes them); typing replaces.
 */
export function useEventFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const update = useCallback(
    (patch: Partial<EventFilters>, mode: 'push' | 'replace' = 'push') => {
      const current = new URLSearchParams(window.location.search);
      const next = writeFilters({ ...parseFilters(current), ...patch }, current).toString();
      if (next === current.toString()) return;
      const url = `${pathname}${next ? `?${next}` : ''}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );

  return { filters, update };
}
