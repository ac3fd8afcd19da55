/**
 * The investigation's view state, all of it in the URL so a link pasted into the incident
 * channel opens the same view (issue 4): which view, which request or entity (and field), the
 * time window, the selected event, raw or aligned time, the findings filter.
 *
 *   /incidents/ID?view=entity&entity=order:1042&field=status&event=5311&time=aligned
 *   /incidents/ID?view=timeline&from=2026-11-23T10:00:00.000Z&to=2026-11-23T10:05:00.000Z
 *
 * Times are ISO 8601 UTC in the URL (readable in a chat message), ms in memory. Parsing never
 * throws: a hand-edited link with a bad value falls back to that part's default.
 * The events view's own filters (source, service, level, request, q, unparsed) live beside
 * these (components/events-table/event-filters.ts); `request` is shared on purpose: the request
 * in focus filters the events view too.
 */
import type { TimeModeDto } from '@/lib/schemas/investigation';

export const VIEWS = ['timeline', 'findings', 'request', 'entity', 'events', 'sources', 'postmortem'] as const;
export type InvestigationView = (typeof VIEWS)[number];

export interface InvestigationState {
  /** null: the default (timeline when there is evidence, else sources). */
  view: InvestigationView | null;
  request: string | null;
  entity: string | null;
  field: string | null;
  /** The time window, ms, in the `time` mode; null: the whole incident. */
  window: { from: number; to: number } | null;
  event: number | null;
  time: TimeModeDto;
  /** Findings panel filter: kinds to show; empty: all. */
  kinds: string[];
}

export const DEFAULT_STATE: InvestigationState = {
  view: null,
  request: null,
  entity: null,
  field: null,
  window: null,
  event: null,
  time: 'aligned',
  kinds: [],
};

const KEYS = ['view', 'request', 'entity', 'field', 'from', 'to', 'event', 'time', 'kind'] as const;

interface ReadableParams {
  get(name: string): string | null;
  getAll(name: string): string[];
}

function text(params: ReadableParams, key: string): string | null {
  const value = params.get(key)?.trim();
  return value ? value : null;
}

function instant(value: string | null): number | null {
  if (value === null) return null;
  const ms = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export function parseInvestigationState(params: ReadableParams): InvestigationState {
  const view = VIEWS.find((v) => v === params.get('view')) ?? null;
  const from = instant(text(params, 'from'));
  const to = instant(text(params, 'to'));
  const eventText = text(params, 'event');
  const event = eventText !== null && /^\d+$/.test(eventText) ? Number(eventText) : null;
  return {
    view,
    request: text(params, 'request'),
    entity: text(params, 'entity'),
    field: text(params, 'field'),
    window: from !== null && to !== null && to > from ? { from, to } : null,
    event,
    time: params.get('time') === 'raw' ? 'raw' : 'aligned',
    kinds: params.getAll('kind').map((k) => k.trim()).filter((k) => k !== ''),
  };
}

/** Writes `state` onto `base`, keeping every other param (the events view's filters), dropping defaults. */
export function writeInvestigationState(state: InvestigationState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of KEYS) params.delete(key);
  if (state.view) params.set('view', state.view);
  if (state.request) params.set('request', state.request);
  if (state.entity) params.set('entity', state.entity);
  if (state.field) params.set('field', state.field);
  if (state.window) {
    params.set('from', new Date(state.window.from).toISOString());
    params.set('to', new Date(state.window.to).toISOString());
  }
  if (state.event !== null) params.set('event', String(state.event));
  if (state.time === 'raw') params.set('time', 'raw');
  for (const kind of state.kinds) params.append('kind', kind);
  return params;
}
