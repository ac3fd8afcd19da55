'use client';

import './view-parts.css';

import { useId, useMemo } from 'react';
import type { EventBriefDto, FindingDto } from '@/lib/schemas/investigation';
import { timeScale, timeTicks } from '@/lib/domain/timeline/scale';
import { levelTone } from '../ui/level-tone';
import type { EventMarks } from './finding-marks';
import { durationText, fullTime, timeOfDay } from './time-text';
import { useElementWidth } from './useElementWidth';
import { waterfallLayout, type WaterfallLayout, type WaterfallMark } from './waterfall-layout';
import { ChartTimeAxis } from './ChartTimeAxis';

interface RequestWaterfallProps {
  requestKey: string;
  events: readonly EventBriefDto[];
  /** The request's lanes (indexes into the investigation's lanes). */
  laneIds: readonly number[];
  labels: ReadonlyMap<number, string>;
  marks: ReadonlyMap<number, EventMarks>;
  firstDivergence: FindingDto | null;
  selected: number | null;
  onSelect: (eventId: number) => void;
}

/** Lane labels column. */
const GUTTER = 190;
const AXIS = 20;
/** Between the axis and the lanes: room for the first divergence's label. */
const BAND = 16;
const RIGHT = 16;
const BOTTOM = 4;
const CHAR_PX = 7;

/**
 * The request across its sources in aligned time: a lane per clock domain in the order the
 * request reached it, bars for intervals (HAR entries, spans), ticks for log lines, findings'
 * events marked with the badge glyphs (◆ divergence, ▲ signal) and the first divergence with a
 * dashed line. Clicking a mark selects its event. For assistive technology it is one image with
 * a summary; the events table below is the accessible way through the same events.
 */
export function RequestWaterfall(props: RequestWaterfallProps) {
  const { requestKey, events, laneIds, labels, marks, firstDivergence, selected, onSelect } = props;
  const hatchId = useId();
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const layout = useMemo(() => waterfallLayout(events, laneIds, labels), [events, laneIds, labels]);
  const height = AXIS + BAND + layout.height + BOTTOM;
  const plotWidth = Math.max(0, width - GUTTER - RIGHT);
  const summary = waterfallSummary(requestKey, layout, events.length, firstDivergence);

  return (
    <figure className="rv-waterfall">
      <div ref={boxRef} className="chart-box" style={{ minHeight: height }}>
        {layout.window && plotWidth > 0 ? (
          <Chart
            layout={layout}
            width={width}
            height={height}
            plotWidth={plotWidth}
            hatchId={hatchId}
            marks={marks}
            firstDivergence={firstDivergence}
            selected={selected}
            onSelect={onSelect}
            summary={summary}
          />
        ) : layout.window ? null : (
          <p className="muted rv-waterfall__empty" role="img" aria-label={summary}>
            None of this request’s events has a time: nothing to place on a time axis.
          </p>
        )}
      </div>
      <figcaption className="chart-legend">
        <span>
          <svg className="rv-legend__swatch" width="22" height="10" aria-hidden="true">
            <rect className="rv-bar wf-level--info" x="1" y="1" width="20" height="8" />
          </svg>
          interval (HAR entry, span)
        </span>
        <span>
          <svg className="rv-legend__swatch" width="10" height="12" aria-hidden="true">
            <rect className="rv-tick wf-level--info" x="4" y="0" width="2" height="12" />
          </svg>
          point (log line)
        </span>
        <span>
          <svg className="rv-legend__swatch" width="14" height="12" aria-hidden="true">
            <rect x="1" y="1" width="12" height="10" style={{ fill: `url(#${hatchId})` }} className="rv-bar wf-level--error is-alarm" />
          </svg>
          error (hatched)
        </span>
        <span>◆ divergence</span>
        <span>▲ signal</span>
        <span>
          <svg className="rv-legend__swatch" width="10" height="12" aria-hidden="true">
            <line className="chart-first-line" x1="5" x2="5" y1="0" y2="12" />
          </svg>
          first divergence
        </span>
        <span>
          <svg className="rv-legend__swatch" width="22" height="10" aria-hidden="true">
            <rect className="rv-bar wf-level--info is-selected" x="2" y="2" width="18" height="6" />
          </svg>
          selected
        </span>
        {layout.untimed > 0 ? <span className="muted">{layout.untimed} untimed event(s) listed below, not drawn</span> : null}
      </figcaption>
    </figure>
  );
}

interface ChartProps {
  layout: WaterfallLayout;
  width: number;
  height: number;
  plotWidth: number;
  hatchId: string;
  marks: ReadonlyMap<number, EventMarks>;
  firstDivergence: FindingDto | null;
  selected: number | null;
  onSelect: (eventId: number) => void;
  summary: string;
}

function Chart({ layout, width, height, plotWidth, hatchId, marks, firstDivergence, selected, onSelect, summary }: ChartProps) {
  const timeWindow = layout.window!;
  const scale = timeScale(timeWindow, plotWidth);
  const x = (ms: number) => GUTTER + scale(ms);
  const ticks = timeTicks(timeWindow, plotWidth, 120);
  const top = AXIS + BAND;
  const bottom = top + layout.height;
  const laneLabelChars = Math.floor((GUTTER - 14) / CHAR_PX);
  const selectedMark = selected === null ? undefined : layout.marks.find((m) => m.eventId === selected);
  // A finding naming this request may be triggered outside its events' span: no line then.
  const firstX = firstDivergence && firstDivergence.at >= timeWindow.startMs && firstDivergence.at <= timeWindow.endMs ? x(firstDivergence.at) : null;
  const laneTop = new Map(layout.lanes.map((l) => [l.lane, l.top]));

  return (
    <svg className="chart-svg" width={width} height={height} role="img" aria-label={summary}>
      <defs>
        <pattern id={hatchId} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect className="rv-hatch__bg" width="5" height="5" />
          <line className="rv-hatch__line" x1="0" y1="0" x2="0" y2="5" />
        </pattern>
      </defs>

      {/* Lanes: alternating bands and their labels. */}
      {layout.lanes.map((lane, i) => (
        <g key={lane.lane}>
          <rect className={i % 2 === 0 ? 'rv-lane' : 'rv-lane rv-lane--alt'} x={0} y={top + lane.top} width={width} height={lane.height} />
          <text className="rv-lane__label" x={8} y={top + lane.top + lane.height / 2} dominantBaseline="middle">
            <title>{`${lane.label}: ${lane.events} event(s)`}</title>
            {clip(lane.label, laneLabelChars)}
          </text>
        </g>
      ))}

      {/* Time axis (aligned, UTC). */}
      <ChartTimeAxis ticks={ticks} left={GUTTER} width={plotWidth} y={AXIS} bottom={bottom} />

      {selectedMark ? <line className="rv-selected-line" x1={x(selectedMark.start)} x2={x(selectedMark.start)} y1={AXIS} y2={bottom} /> : null}

      {layout.marks.map((mark) => (
        <Mark key={mark.eventId} mark={mark} x={x} top={top} hatchId={hatchId} selected={mark.eventId === selected} onSelect={onSelect} />
      ))}

      {/* Findings' events: the badge glyph at the top of the mark's lane. */}
      {layout.marks.map((mark) => {
        const m = marks.get(mark.eventId);
        if (!m) return null;
        // At the mark's end: a finding is dated when its record's work ended (an observation
        // from a HAR entry or a span is known at its end, ARCHITECTURE.md).
        const cx = x(mark.end);
        const cy = top + (laneTop.get(mark.lane) ?? 0) + 1;
        const divergence = m.divergences.length > 0;
        const kinds = [...m.divergences, ...m.signals].map((f) => f.kind.replace('_', ' ')).join(', ');
        return (
          <path
            key={`glyph-${mark.eventId}`}
            className={`rv-glyph ${divergence ? 'rv-glyph--divergence' : 'rv-glyph--signal'}${m.firstDivergence ? ' rv-glyph--first' : ''}`}
            d={divergence ? diamond(cx, cy + 4, m.firstDivergence ? 6 : 4.5) : triangle(cx, cy + 4, 4.5)}
            onClick={() => onSelect(mark.eventId)}
          >
            <title>{kinds}</title>
          </path>
        );
      })}

      {firstDivergence && firstX !== null ? (
        <g className="rv-first" data-first-divergence="true">
          <line className="chart-first-line" x1={firstX} x2={firstX} y1={AXIS} y2={bottom} />
          <text x={firstX > GUTTER + plotWidth - 110 ? firstX - 4 : firstX + 4} y={AXIS + BAND - 4} textAnchor={firstX > GUTTER + plotWidth - 110 ? 'end' : 'start'}>
            first divergence
          </text>
        </g>
      ) : null}
    </svg>
  );
}

interface MarkProps {
  mark: WaterfallMark;
  x: (ms: number) => number;
  top: number;
  hatchId: string;
  selected: boolean;
  onSelect: (eventId: number) => void;
}

function Mark({ mark, x, top, hatchId, selected, onSelect }: MarkProps) {
  const tone = levelTone(mark.level ?? '').key;
  const alarm = tone === 'error' || tone === 'fatal';
  const x0 = x(mark.start);
  const y = top + mark.top;
  const title = `${timeOfDay(mark.start)} ${mark.label}${mark.bar ? ` (${durationText(mark.end - mark.start)})` : ''}${mark.level ? ` [${mark.level}]` : ''} · ${fullTime(mark.start)}`;
  const className = `${mark.bar ? 'rv-bar' : 'rv-tick'} wf-level--${tone}${alarm ? ' is-alarm' : ''}${selected ? ' is-selected' : ''}`;
  const select = () => onSelect(mark.eventId);
  if (mark.bar) {
    const w = Math.max(2, x(mark.end) - x0);
    return (
      <g className="rv-mark" data-event-id={mark.eventId} data-selected={selected || undefined} onClick={select}>
        <title>{title}</title>
        {/* Inline style: a class's fill would beat a fill attribute. */}
        <rect className={className} x={x0} y={y} width={w} height={mark.height} style={alarm ? { fill: `url(#${hatchId})` } : undefined} />
      </g>
    );
  }
  return (
    <g className="rv-mark" data-event-id={mark.eventId} data-selected={selected || undefined} onClick={select}>
      <title>{title}</title>
      {/* Thin ticks are hard to hit: a wider transparent target. */}
      <rect className="rv-hit" x={x0 - 4} y={y} width={8} height={mark.height} />
      <rect className={className} x={x0 - (alarm ? 1.5 : 1)} y={y} width={alarm ? 3 : 2} height={mark.height} />
    </g>
  );
}

function diamond(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`;
}

function triangle(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r}L${cx + r},${cy + r * 0.8}L${cx - r},${cy + r * 0.8}Z`;
}

function clip(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text;
}

/** What the chart shows, in one sentence: its accessible name. */
export function waterfallSummary(requestKey: string, layout: WaterfallLayout, total: number, firstDivergence: FindingDto | null): string {
  const lanes = layout.lanes.map((l) => l.label).join(', ');
  const timed = layout.marks.length;
  const span = layout.marks.length > 0 ? spanOf(layout.marks) : null;
  const parts = [`Waterfall of request ${requestKey}: ${timed} of ${total} events on ${layout.lanes.length} lane(s) (${lanes})`];
  if (span) parts.push(`from ${timeOfDay(span[0])} to ${timeOfDay(span[1])} UTC, ${durationText(span[1] - span[0])}`);
  parts.push(firstDivergence ? `first divergence at ${timeOfDay(firstDivergence.at)}: ${firstDivergence.summary}` : 'no divergence');
  return `${parts.join('; ')}.`;
}

function spanOf(marks: readonly WaterfallMark[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of marks) {
    lo = Math.min(lo, m.start);
    hi = Math.max(hi, m.end);
  }
  return [lo, hi];
}
