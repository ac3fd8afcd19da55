/**
 * The events view's filters, kept in the URL so a filtered view is a link that can be pasted into
 * the incident channel. The URL keys are the API's query keys, so one serialization serves both.
 */

export interface EventFilters {
  sources: string[];
  services: string[];
  levels: string[];
  request: string;
  q: string;
  unparsed: boolean;
}

export const NO_FILTERS: EventFilters = {
  sources: [],
  services: [],
  levels: [],
  request: '',
  q: '',
  unparsed: false,
};

interface ReadableParams {
  get(name: string): string | null;
  getAll(name: string): string[];
}

export function parseFilters(params: ReadableParams): EventFilters {
  const nonEmpty = (values: string[]) => values.map((v) => v.trim()).filter((v) => v !== '');
  return {
    sources: nonEmpty(params.getAll('source')),
    services: nonEmpty(params.getAll('service')),
    levels: nonEmpty(params.getAll('level')),
    request: params.get('request')?.trim() ?? '',
    q: params.get('q') ?? '',
    unparsed: params.get('unparsed') === '1',
  };
}

/** Writes the filters onto `base` (keeping unrelated params), dropping empty ones. */
export function writeFilters(filters: EventFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of ['source', 'service', 'level', 'request', 'q', 'unparsed']) params.delete(key);
  for (const s of filters.sources) params.append('source', s);
  for (const s of filters.services) params.append('service', s);
  for (const l of filters.levels) params.append('level', l);
  if (filters.request.trim()) params.set('request', filters.request.trim());
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.unparsed) params.set('unparsed', '1');
  return params;
}

export function hasActiveFilters(filters: EventFilters): boolean {
  return (
    filters.sources.length > 0 ||
    filters.services.length > 0 ||
    filters.levels.length > 0 ||
    filters.request.trim() !== '' ||
    filters.q.trim() !== '' ||
    filters.unparsed
  );
}

/** Only sources that contribute events are worth filtering by: failed, parsing and empty ones are not. */
export function isFilterableSource(source: { status: string; events: number }): boolean {
  return source.status === 'ready' && source.events > 0;
}
