'use client';

import { useCallback, useEffect, useState } from 'react';
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import { apiUrls } from '../api/api-urls';
import { profileDtoSchema } from '@/lib/schemas/profile-api';

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; profile: Record<string, unknown> | null };

/**
 * The incident's saved profile (null: none yet) and `save`, which PUTs a document and resolves
 * to the saved one or rejects with the ApiError carrying the server's issues.
 */
export function useProfile(incidentId: string) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchJson(apiUrls.profile(incidentId), profileDtoSchema, { signal: controller.signal })
      .then((dto) => setLoaded({ status: 'ready', profile: dto.profile }))
      .catch((cause: unknown) => {
        if (!isAbortError(cause)) setLoaded({ status: 'error', error: errorMessage(cause) });
      });
    return () => controller.abort();
  }, [incidentId, attempt]);

  const retry = useCallback(() => {
    setLoaded({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const save = useCallback(
    async (document: unknown) => {
      const dto = await fetchJson(apiUrls.profile(incidentId), profileDtoSchema, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(document),
      });
      return dto.profile;
    },
    [incidentId],
  );

  return { loaded, retry, save };
}
