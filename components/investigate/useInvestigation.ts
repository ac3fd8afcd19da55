'use client';

import { useCallback, useEffect, useState } from 'react';
import { investigationDtoSchema, type InvestigationDto } from '@/lib/schemas/investigation';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { apiUrls } from '../api/api-urls';

export type InvestigationStatus = 'loading' | 'ready' | 'error';

interface Settled {
  key: string;
  investigation: InvestigationDto | null;
  error: string | null;
}

/**
 * What every investigation view opens with (lanes, findings, entities), fetched again when
 * `refreshKey` changes (a source settled, the profile was saved). Like useReport, the previous
 * answer stays on screen while a newer one is computed, so the views never blank out.
 */
export function useInvestigation(incidentId: string, refreshKey: string) {
  const [attempt, setAttempt] = useState(0);
  const key = `${incidentId}#${refreshKey}#${attempt}`;
  const [settled, setSettled] = useState<Settled>({ key: '', investigation: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    fetchJson(apiUrls.investigation(incidentId), investigationDtoSchema, { signal: controller.signal })
      .then((investigation) => setSettled({ key, investigation, error: null }))
      .catch((cause: unknown) => {
        if (isAbortError(cause)) return;
        setSettled((s) => ({ ...s, key, error: errorMessage(cause) }));
      });
    return () => controller.abort();
  }, [incidentId, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const status: InvestigationStatus = settled.key !== key ? 'loading' : settled.error !== null ? 'error' : 'ready';
  return { investigation: settled.investigation, status, error: status === 'error' ? settled.error : null, retry };
}
