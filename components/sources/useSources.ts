'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { sourceListSchema, type Source } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';

/** Parse progress is polled at this pace: fast enough to feel live, cheap for the server. */
const POLL_MS = 500;

export function isSourceBusy(source: Source): boolean {
  return source.status === 'uploading' || source.status === 'parsing';
}

/**
 * The incident's sources, starting from `initial` (rendered by the server, so the page's layout is
 * final on first paint), re-fetched every POLL_MS while `keepPolling` (an upload is in flight)
 * or while any source is still uploading or parsing; idle otherwise.
 */
export function useSources(incidentId: string, keepPolling: boolean, initial: readonly Source[]) {
  const [sources, setSources] = useState<readonly Source[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // Bumped when a fetch settles, success or not, so the poll loop keeps going through errors.
  const [settled, setSettled] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    fetchJson(apiUrls.sources(incidentId), sourceListSchema, { signal: current.signal })
      .then((list) => {
        setSources(list);
        setError(null);
      })
      .catch((cause: unknown) => {
        if (!isAbortError(cause)) setError(errorMessage(cause));
      })
      .finally(() => {
        if (!current.signal.aborted) setSettled((n) => n + 1);
      });
    return () => current.abort();
  }, [incidentId, tick]);

  const busy = keepPolling || sources.some(isSourceBusy);
  useEffect(() => {
    if (!busy) return;
    // A timeout per fetch (not an interval) so a slow answer never stacks requests.
    const timer = window.setTimeout(refresh, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [busy, settled, refresh]);

  return { sources, error, refresh };
}
