'use client';

import { useEffect, useState } from 'react';
import { fetchJson, isAbortError } from '../api/api-client';
import { apiUrls } from '../api/api-urls';
import { profileDtoSchema } from '@/lib/schemas/profile-api';
import { offsetsOf, type ProfileOffsets } from './clock-override';

/**
 * The manual clock offsets of the incident's saved profile, fetched again when `version`
 * changes (the profile was saved, from the panel or a clock's Adjust form). Null until known;
 * a failed read stays null (the table then shows no override badges, as before it loaded).
 */
export function useProfileOffsets(incidentId: string, version: number): ProfileOffsets | null {
  const [loaded, setLoaded] = useState<{ key: string; offsets: ProfileOffsets } | null>(null);
  const key = `${incidentId}#${version}`;

  useEffect(() => {
    const controller = new AbortController();
    fetchJson(apiUrls.profile(incidentId), profileDtoSchema, { signal: controller.signal })
      .then((dto) => setLoaded({ key, offsets: offsetsOf(dto.profile) }))
      .catch((cause: unknown) => {
        if (!isAbortError(cause)) setLoaded(null);
      });
    return () => controller.abort();
  }, [incidentId, key]);

  // The previous offsets stay shown while a newer read is in flight (like the report).
  return loaded?.offsets ?? null;
}
