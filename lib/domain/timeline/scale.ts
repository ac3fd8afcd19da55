/**
 * The timeline's time scale and its ticks: d3's UTC scale over the window, tick labels readable
 * at 2 a.m. in UTC (incident times are compared across sources; local time would mislead), with
 * as much precision as the tick step needs - milliseconds when zoomed in - and the date shown on
 * the first tick and wherever the day changes.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcFormat } from 'd3-time-format';
import type { TimeWindow } from './view-window';

export function timeScale(w: TimeWindow, widthPx: number): ScaleTime<number, number> {
  return scaleUtc()
    .domain([new Date(w.startMs), new Date(w.endMs)])
    .range([0, Math.max(0, widthPx)]);
}

export interface TimeTick {
  ms: number;
  /** Pixel offset from the window's left edge. */
  x: number;
  label: string;
  /** `YYYY-MM-DD` on the first tick and where the UTC day changes, else null. */
  date: string | null;
}

/** Pixels between ticks that a `HH:MM:SS.mmm` label comfortably fits in. */
export const TICK_SPACING_PX = 100;

const FORMATS = {
  ms: utcFormat('%H:%M:%S.%L'),
  s: utcFormat('%H:%M:%S'),
  min: utcFormat('%H:%M'),
  day: utcFormat('%Y-%m-%d'),
};

/** Ticks for the window, about one per TICK_SPACING_PX; none for an empty width or window. */
export function timeTicks(w: TimeWindow, widthPx: number, spacingPx: number = TICK_SPACING_PX): TimeTick[] {
  if (!(widthPx > 0) || !(w.endMs > w.startMs) || !Number.isFinite(w.startMs) || !Number.isFinite(w.endMs)) return [];
  const scale = timeScale(w, widthPx);
  const target = Math.max(2, Math.floor(widthPx / Math.max(1, spacingPx)));
  const dates = scale.ticks(target);
  const ms = dates.map((d) => d.getTime());
  const step = ms.length > 1 ? ms[1]! - ms[0]! : w.endMs - w.startMs;
  const format = labelFormat(step, ms);
  let lastDay = '';
  return ms.map((t, i) => {
    const day = FORMATS.day(new Date(t));
    const date = i === 0 || day !== lastDay ? day : null;
    lastDay = day;
    return { ms: t, x: scale(t), label: format(new Date(t)), date };
  });
}

function labelFormat(stepMs: number, ticks: number[]): (d: Date) => string {
  if (stepMs < 1000 || ticks.some((t) => t % 1000 !== 0)) return FORMATS.ms;
  if (stepMs < 60_000 || ticks.some((t) => t % 60_000 !== 0)) return FORMATS.s;
  if (stepMs < 86_400_000) return FORMATS.min;
  return FORMATS.day;
}

/** A time as the timeline's hover shows it: full UTC date and time to the millisecond. */
export function formatInstant(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${FORMATS.day(d)} ${FORMATS.ms(d)}Z`;
}
