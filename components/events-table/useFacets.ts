'use client';

import { useEffect, useState } from 'react';
import { fetchJson } from '../api/api-client';
import { facetsSchema, type Facets } from '../api/api-schemas';
import { apiUrls } from '../api/api-urls';

/**
 * Services and levels present in the incident, for the filter menus. `fallback` (built from the
 * sources' summaries) stands in until the facets arrive, or if they cannot be fetched: a filter
 * menu is a convenience, not a reason to show an error.
 */
export function useFacets(incidentId: string, refreshKey: string, fallback: Facets): Facets {
  const [facets, setFacets] = useState<Facets | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchJson(apiUrls.facets(incidentId), facetsSchema, { signal: controller.signal })
      .then(setFacets)
      .catch(() => undefined);
    return () => controller.abort();
  }, [incidentId, refreshKey]);
  return facets ?? fallback;
}
