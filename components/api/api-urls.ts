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
  /** Events per time column, raw time, over ready sources and those still being parsed. */
  overview: (incidentId: string, columns: number) => `/api/incidents/${enc(incidentId)}/overview?columns=${columns}`,
  report: (incidentId: string) => `/api/incidents/${enc(incidentId)}/report`,
  profile: (incidentId: string) => `/api/incidents/${enc(incidentId)}/profile`,
  profileSuggestions: (incidentId: string) => `/api/incidents/${enc(incidentId)}/profile/suggestions`,
  investigation: (incidentId: string) => `/api/incidents/${enc(incidentId)}/investigation`,
  /** One request group (spec section 3); `key` is any of its identifiers. */
  requestView: (incidentId: string, key: string) => `/api/incidents/${enc(incidentId)}/requests/${enc(key)}`,
  /** One entity's witness table; `entity` is `type:id` (the colon is encoded, the route decodes it). */
  entityView: (incidentId: string, entity: string) => `/api/incidents/${enc(incidentId)}/entities/${enc(entity)}`,
  demo: () => '/api/demo',
  importBundle: () => '/api/incidents/import',
};
