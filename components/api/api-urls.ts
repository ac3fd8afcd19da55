/** The HTTP API's paths, built in one place so a route rename is one edit. */
const enc = encodeURIComponent;

export const apiUrls = {
  incidents: () => '/api/incidents',
  incident: (id: string) => `/api/incidents/${enc(id)}`,
  sources: (incidentId: string) => `/api/incidents/${enc(incidentId)}/sources`,
  source: (sourceId: string) => `/api/sources/${enc(sourceId)}`,
  sourceRaw: (sourceId: string) => `/api/sources/${enc(sourceId)}/raw`,
  events: (incidentId: string, query: URLSearchParams) => {
    const qs = query.toString();
    return `/api/incidents/${enc(incidentId)}/events${qs ? `?${qs}` : ''}`;
  },
  facets: (incidentId: string) => `/api/incidents/${enc(incidentId)}/events/facets`,
  report: (incidentId: string) => `/api/incidents/${enc(incidentId)}/report`,
  profile: (incidentId: string) => `/api/incidents/${enc(incidentId)}/profile`,
  profileSuggestions: (incidentId: string) => `/api/incidents/${enc(incidentId)}/profile/suggestions`,
  demo: () => '/api/demo',
};
