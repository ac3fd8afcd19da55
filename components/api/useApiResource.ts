'use client';

import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessage, fetchJson, isAbortError } from './api-client';

export type ResourceStatus = 'loading' | 'ready' | 'error';

export interface ResourceError {
  message: string;
  /** HTTP status, 0 when the server could not be reached: views tell "not found" (404) apart. */
  status: number;
  /** The server's error code (`analysis_too_large`), null when it gave none. */
  code: string | null;
}

interface Settled<T> {
  /** Which fetch this answers (url, refresh key, attempt): an older key means a newer fetch is in flight. */
  key: string;
  url: string;
  data: T | null;
  error: ResourceError | null;
}

/**
 * One GET resource parsed with `schema`, fetched again when `url` or `refreshKey` changes (the
 * analysis fingerprint moved) or on `retry()`. A refresh of the same url keeps the previous data
 * on screen (no blank flash); data for another url is never returned, so a view switching from
 * request A to B shows loading rather than A under B's name. "Loading" is derived from the keys,
 * so a new url is loading in the very render that asks for it.
 */
export function useApiResource<S extends z.ZodType>(url: string, schema: S, refreshKey: string = '') {
  const [attempt, setAttempt] = useState(0);
  const key = `${url}#${refreshKey}#${attempt}`;
  const [settled, setSettled] = useState<Settled<z.output<S>>>({ key: '', url: '', data: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    fetchJson(url, schema, { signal: controller.signal })
      .then((data) => setSettled({ key, url, data, error: null }))
      .catch((cause: unknown) => {
        if (isAbortError(cause)) return;
        const { status, code } = cause instanceof ApiError ? cause : { status: 0, code: null };
        setSettled((s) => ({ key, url, data: s.url === url ? s.data : null, error: { message: errorMessage(cause), status, code } }));
      });
    return () => controller.abort();
  }, [url, schema, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const status: ResourceStatus = settled.key !== key ? 'loading' : settled.error !== null ? 'error' : 'ready';
  return {
    data: settled.url === url ? settled.data : null,
    status,
    error: status === 'error' ? settled.error : null,
    retry,
  };
}
