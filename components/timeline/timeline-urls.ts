/** The timeline's API paths (lib/schemas/investigation.ts documents the shapes). */
import type { TimeModeDto } from '@/lib/schemas/investigation';
import type { SliceRequest } from './slice-request';

const enc = encodeURIComponent;

export function timelineSliceUrl(incidentId: string, req: SliceRequest): string {
  const q = new URLSearchParams({ from: String(req.from), to: String(req.to), columns: String(req.columns), time: req.time });
  return `/api/incidents/${enc(incidentId)}/timeline?${q}`;
}

export type StepFrom = { event: number } | { from: number; to: number };

/** The next or previous event after the selected one, or (nothing selected) in the window. */
export function timelineStepUrl(incidentId: string, from: StepFrom, dir: 1 | -1, time: TimeModeDto): string {
  const q = new URLSearchParams({ dir: dir === 1 ? 'next' : 'prev', time });
  if ('event' in from) q.set('event', String(from.event));
  else {
    q.set('from', String(from.from));
    q.set('to', String(from.to));
  }
  return `/api/incidents/${enc(incidentId)}/timeline/step?${q}`;
}

export function eventDetailUrl(incidentId: string, eventId: number): string {
  return `/api/incidents/${enc(incidentId)}/events/${enc(String(eventId))}`;
}
