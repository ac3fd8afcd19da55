'use client';

import { useCallback, useEffect, useState } from 'react';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { apiUrls } from '../api/api-urls';
import { reportSchema, type Report } from '../api/report-schemas';

export type ReportStatus = 'loading' | 'ready' | 'error';

interface Settled {
  /** Which request this answers: a state for an older key means a newer one is in flight. */
  key: string;
  /** The latest report received, kept on screen while a newer one is computed. */
  report: Report | null;
  error: string | null;
  /** How long the analysis took to answer, in ms (shown as "analyzed in 0.8 s"). */
  tookMs: number | null;
}

/**
 * The incident's analysis report, fetched again whenever `refreshKey` changes (a source changed
 * status, the profile was saved). An analysis can take seconds: a newer key aborts the request in
 * flight, and the previous report stays visible until the new one arrives, so the overview never
 * blanks out while it recomputes. "Loading" is derived (the settled key is not the current one)
 * rather than set, so a new key shows as loading in the same render.
 */
export function useReport(incidentId: string, refreshKey: string) {
  const [attempt, setAttempt] = useState(0);
  const key = `${incidentId}#${refreshKey}#${attempt}`;
  const [settled, setSettled] = useState<Settled>({ key: '', report: null, error: null, tookMs: null });

  useEffect(() => {
    const controller = new AbortController();
    const started = performance.now();
    fetchJson(apiUrls.report(incidentId), reportSchema, { signal: controller.signal })
      .then((report) => setSettled({ key, report, error: null, tookMs: performance.now() - started }))
      .catch((cause: unknown) => {
        if (isAbortError(cause)) return;
        setSettled((s) => ({ ...s, key, error: errorMessage(cause) }));
      });
    return () => controller.abort();
  }, [incidentId, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const status: ReportStatus = settled.key !== key ? 'loading' : settled.error !== null ? 'error' : 'ready';
  return { report: settled.report, status, error: status === 'error' ? settled.error : null, tookMs: settled.tookMs, retry };
}
