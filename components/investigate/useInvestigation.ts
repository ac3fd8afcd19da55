'use client';

import { investigationDtoSchema } from '@/lib/schemas/investigation';
import { useApiResource } from '../api/useApiResource';
import { apiUrls } from '../api/api-urls';

/**
 * What every investigation view opens with (lanes, findings, entities), fetched again when
 * `refreshKey` changes (a source settled, the profile was saved). The previous answer stays on
 * screen while a newer one is computed, so the views never blank out.
 */
export function useInvestigation(incidentId: string, refreshKey: string) {
  const { data, status, error, retry } = useApiResource(apiUrls.investigation(incidentId), investigationDtoSchema, refreshKey);
  return { investigation: data, status, error: error?.message ?? null, errorCode: error?.code ?? null, retry };
}
