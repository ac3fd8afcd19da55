/**
 * `GET /timeline`: the events of one window of the timeline in one time mode. Up to `eventLimit`
 * visible events come one by one, as parallel columns (the canvas draws each); above it, counts
 * and the highest level per lane and pixel column (lib/domain/timeline/binning.ts), so a
 * million-event window costs the browser `lanes x columns` numbers, not a million objects.
 */
import { binEvents } from '../timeline/binning';
import { countVisible, isVisible, visibleRange, type EventColumns } from '../timeline/columnar-events';
import type { TimelineEventsDto, TimelineSliceDto } from '../../schemas/investigation';
import type { AnalysisInput } from '../analysis/input';

/** What the hover shows; longer text waits for the event detail. */
export const LABEL_MAX_CHARS = 160;

export interface TimelineSliceRequest {
  fingerprint: string;
  columns: EventColumns;
  laneCount: number;
  input: AnalysisInput;
  eventIds: ArrayLike<number>;
  from: number;
  to: number;
  /** Pixel columns the window spans (the bins' width). */
  width: number;
  eventLimit: number;
}

/** The message, else the name, cut to LABEL_MAX_CHARS without splitting a surrogate pair. */
export function eventLabel(event: { message: string | null; name: string | null }): string {
  const text = event.message ?? event.name ?? '';
  if (text.length <= LABEL_MAX_CHARS) return text;
  const cut = text.charCodeAt(LABEL_MAX_CHARS - 1);
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? LABEL_MAX_CHARS - 1 : LABEL_MAX_CHARS);
}

function visibleEvents(r: TimelineSliceRequest, window: { startMs: number; endMs: number }): TimelineEventsDto {
  const out: TimelineEventsDto = { id: [], lane: [], start: [], end: [], level: [], label: [] };
  const cols = r.columns;
  const { from, to } = visibleRange(cols, window);
  for (let k = from; k < to; k++) {
    if (!isVisible(cols, k, window)) continue;
    const index = cols.event[k]!;
    const end = cols.end[k]!;
    out.id.push(r.eventIds[index] ?? -1);
    out.lane.push(cols.lane[k]!);
    out.start.push(cols.start[k]!);
    out.end.push(Number.isNaN(end) ? null : end);
    out.level.push(cols.level[k]!);
    out.label.push(eventLabel({ message: r.input.events.message[index]!, name: r.input.events.name[index]! }));
  }
  return out;
}

export function buildTimelineSlice(r: TimelineSliceRequest): TimelineSliceDto {
  const window = { startMs: r.from, endMs: r.to };
  const visible = countVisible(r.columns, window);
  const base = { fingerprint: r.fingerprint, time: r.columns.mode, from: r.from, to: r.to, visible };
  if (visible <= r.eventLimit) return { ...base, events: visibleEvents(r, window), bins: null };
  const bins = binEvents(r.columns, window, r.width, r.laneCount);
  return {
    ...base,
    events: null,
    bins: { columns: bins.width, lanes: bins.laneCount, counts: Array.from(bins.count), maxLevel: Array.from(bins.maxLevel) },
  };
}
