'use client';

import '../request-view/view-parts.css';

import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { useId, useMemo } from 'react';
import { timeScale, timeTicks } from '@/lib/domain/timeline/scale';
import type { TimeWindow } from '@/lib/domain/timeline/view-window';
import { fullTime, timeOfDay } from '../request-view/time-text';
import { useElementWidth } from '../request-view/useElementWidth';
import type { EntityFieldDto } from './entity-field';
import { isNumericField, stepSeries, valueCategories, type StepSegment, type WitnessSeries } from './step-series';
import { formatStateValue, stateValueKey } from './value-format';
import { ChartTimeAxis } from '../request-view/ChartTimeAxis';

interface WitnessStepChartProps {
  entity: string;
  field: EntityFieldDto;
  /** Aligned time of the field's first divergence, or null. */
  firstDivergenceAt: number | null;
  selected: number | null;
  onSelect: (eventId: number) => void;
}

const GUTTER = 190;
const AXIS = 20;
const BAND = 14;
const RIGHT = 16;
const ROW = 34;
const ROW_GAP = 4;
/** The value area inside a row; below it, a strip that is hatched while the witness disagrees. */
const VALUE_TOP = 4;
const VALUE_HEIGHT = 20;
const STRIP_TOP = 27;
const STRIP_HEIGHT = 5;
const CHAR_PX = 6.6;
const CATEGORY_COLOURS = 8;

/**
 * The field's value per witness over aligned time, one row each: categorical values as labelled
 * segments (a colour per value, and the value written in it when it fits), numbers as a step
 * line on a shared scale. Small ticks mark each observation (click: select its event); a hatched
 * strip under a row marks where that witness disagrees; a dashed line marks the first divergence.
 */
export function WitnessStepChart({ entity, field, firstDivergenceAt, selected, onSelect }: WitnessStepChartProps) {
  const ids = useId();
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const { rows, witnesses } = field;
  const timeWindow = useMemo(() => chartWindow(rows.map((r) => r.at)), [rows]);
  const series = useMemo(() => (timeWindow ? stepSeries(rows, witnesses.length, timeWindow.endMs) : []), [rows, witnesses.length, timeWindow]);
  const numeric = useMemo(() => isNumericField(rows), [rows]);
  const categories = useMemo(() => valueCategories(rows), [rows]);
  const height = AXIS + BAND + witnesses.length * (ROW + ROW_GAP);
  const plotWidth = Math.max(0, width - GUTTER - RIGHT);
  const summary = chartSummary(entity, field, series, firstDivergenceAt);

  return (
    <figure className="ev-chart">
      <div ref={boxRef} className="chart-box" style={{ minHeight: height }}>
        {timeWindow && plotWidth > 0 ? (
          <svg className="chart-svg" width={width} height={height} role="img" aria-label={summary}>
            <defs>
              <pattern id={`${ids}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect className="ev-hatch__bg" width="6" height="6" />
                <line className="ev-hatch__line" x1="0" y1="0" x2="0" y2="6" />
              </pattern>
            </defs>
            <Plot
              field={field}
              series={series}
              timeWindow={timeWindow}
              width={width}
              plotWidth={plotWidth}
              numeric={numeric}
              categories={categories}
              hatch={`url(#${ids}-hatch)`}
              firstDivergenceAt={firstDivergenceAt}
              selected={selected}
              onSelect={onSelect}
            />
          </svg>
        ) : null}
      </div>
      <figcaption className="chart-legend">
        <span>{numeric ? 'numeric value as a step line' : 'value held, one colour and label per value'}</span>
        <span>
          <svg width="8" height="12" aria-hidden="true">
            <rect className="ev-obs" x="3" y="0" width="2" height="12" />
          </svg>
          observation
        </span>
        <span>
          <svg width="22" height="8" aria-hidden="true">
            <rect x="0" y="1" width="22" height="6" fill={`url(#${ids}-hatch)`} className="ev-disagree" />
          </svg>
          disagrees
        </span>
        <span>
          <svg width="8" height="12" aria-hidden="true">
            <line className="chart-first-line" x1="4" x2="4" y1="0" y2="12" />
          </svg>
          first divergence
        </span>
      </figcaption>
    </figure>
  );
}

interface PlotProps {
  field: EntityFieldDto;
  series: readonly WitnessSeries[];
  timeWindow: TimeWindow;
  width: number;
  plotWidth: number;
  numeric: boolean;
  categories: ReadonlyMap<string, number>;
  hatch: string;
  firstDivergenceAt: number | null;
  selected: number | null;
  onSelect: (eventId: number) => void;
}

function Plot({ field, series, timeWindow, width, plotWidth, numeric, categories, hatch, firstDivergenceAt, selected, onSelect }: PlotProps) {
  const scale = timeScale(timeWindow, plotWidth);
  const x = (ms: number) => GUTTER + scale(ms);
  const ticks = timeTicks(timeWindow, plotWidth, 120);
  const top = AXIS + BAND;
  const bottom = top + field.witnesses.length * (ROW + ROW_GAP);
  const labelChars = Math.floor((GUTTER - 60) / 7);
  const numbers = field.rows.flatMap((r) => (typeof r.value === 'number' ? [r.value] : []));
  const lo = numbers.length > 0 ? Math.min(...numbers) : 0;
  const hi = numbers.length > 0 ? Math.max(...numbers) : 1;
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([VALUE_TOP + VALUE_HEIGHT - 2, VALUE_TOP + 2]);
  const selectedAt = selected === null ? null : (field.rows.find((r) => r.eventId === selected)?.at ?? null);

  return (
    <>
      <ChartTimeAxis ticks={ticks} left={GUTTER} width={plotWidth} y={AXIS} bottom={bottom} />

      {field.witnesses.map((witness, w) => {
        const rowTop = top + w * (ROW + ROW_GAP);
        const s = series[w];
        const observations = field.rows.filter((r) => r.witness === w);
        return (
          <g key={`${witness.lane}-${w}`} className={witness.owner ? 'ev-row ev-row--owner' : 'ev-row'} data-witness={witness.label}>
            <rect className="ev-row__band" x={0} y={rowTop} width={width} height={ROW} />
            <text className="ev-row__label" x={8} y={rowTop + ROW / 2} dominantBaseline="middle">
              <title>{witness.owner ? `${witness.label} (owner)` : witness.label}</title>
              {clip(witness.label, witness.owner ? labelChars : labelChars + 7)}
            </text>
            {witness.owner ? (
              <g className="ev-owner">
                <rect x={GUTTER - 50} y={rowTop + ROW / 2 - 8} width={42} height={16} rx={3} />
                <text x={GUTTER - 29} y={rowTop + ROW / 2} textAnchor="middle" dominantBaseline="middle">
                  owner
                </text>
              </g>
            ) : null}
            {s?.disagree.map((span) => (
              <rect
                key={`d${span.start}`}
                className="ev-disagree"
                x={x(span.start)}
                y={rowTop + STRIP_TOP}
                width={Math.max(2, x(span.end) - x(span.start))}
                height={STRIP_HEIGHT}
                fill={hatch}
              >
                <title>{`${witness.label} disagrees from ${timeOfDay(span.start)} to ${timeOfDay(span.end)}`}</title>
              </rect>
            ))}
            {s ? (
              numeric ? (
                <NumericSteps segments={s.segments} x={x} y={(v) => rowTop + y(v)} rowTop={rowTop} label={witness.label} />
              ) : (
                <CategorySteps segments={s.segments} x={x} rowTop={rowTop} categories={categories} label={witness.label} />
              )
            ) : null}
            {observations.map((r) => (
              <g key={`o${r.eventId}-${r.at}`} className="ev-obs-hit" onClick={() => onSelect(r.eventId)} data-event-id={r.eventId}>
                <title>{`${witness.label} observed ${formatStateValue(r.value)} at ${fullTime(r.at)}`}</title>
                <rect className="ev-hit" x={x(r.at) - 4} y={rowTop} width={8} height={VALUE_TOP + VALUE_HEIGHT} />
                <rect className={r.eventId === selected ? 'ev-obs is-selected' : 'ev-obs'} x={x(r.at) - 1} y={rowTop + 1} width={2} height={VALUE_TOP + VALUE_HEIGHT - 1} />
              </g>
            ))}
          </g>
        );
      })}

      {selectedAt !== null ? <line className="ev-selected-line" x1={x(selectedAt)} x2={x(selectedAt)} y1={AXIS} y2={bottom} /> : null}

      {firstDivergenceAt !== null ? (
        <g className="ev-first" data-first-divergence="true">
          <line className="chart-first-line" x1={x(firstDivergenceAt)} x2={x(firstDivergenceAt)} y1={AXIS} y2={bottom} />
          <text
            x={x(firstDivergenceAt) > GUTTER + plotWidth - 110 ? x(firstDivergenceAt) - 4 : x(firstDivergenceAt) + 4}
            y={AXIS + BAND - 3}
            textAnchor={x(firstDivergenceAt) > GUTTER + plotWidth - 110 ? 'end' : 'start'}
          >
            first divergence
          </text>
        </g>
      ) : null}
    </>
  );
}

function CategorySteps({ segments, x, rowTop, categories, label }: { segments: readonly StepSegment[]; x: (ms: number) => number; rowTop: number; categories: ReadonlyMap<string, number>; label: string }) {
  return (
    <>
      {segments.map((seg) => {
        const x0 = x(seg.start);
        const w = Math.max(1, x(seg.end) - x0);
        const text = formatStateValue(seg.value);
        const fits = w > text.length * CHAR_PX + 8;
        const category = seg.value === null ? 'null' : String((categories.get(stateValueKey(seg.value)) ?? 0) % CATEGORY_COLOURS);
        return (
          <g key={`${seg.start}-${seg.eventIds[0]}`}>
            <title>{`${label} held ${text} from ${timeOfDay(seg.start)} to ${timeOfDay(seg.end)}`}</title>
            <rect className={`ev-seg ev-seg--${category}`} x={x0} y={rowTop + VALUE_TOP} width={w} height={VALUE_HEIGHT} />
            {fits ? (
              <text className="ev-seg__label" x={x0 + 5} y={rowTop + VALUE_TOP + VALUE_HEIGHT / 2} dominantBaseline="middle">
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
    </>
  );
}

function NumericSteps({ segments, x, y, rowTop, label }: { segments: readonly StepSegment[]; x: (ms: number) => number; y: (v: number) => number; rowTop: number; label: string }) {
  // The step line through each segment's value, its last point at the segment's end; null breaks it.
  const points: Array<[number, number | null]> = segments.map((s) => [s.start, typeof s.value === 'number' ? s.value : null]);
  const last = segments.at(-1);
  if (last) points.push([last.end, typeof last.value === 'number' ? last.value : null]);
  const path = line<[number, number | null]>()
    .defined((p) => p[1] !== null)
    .x((p) => x(p[0]))
    .y((p) => y(p[1] ?? 0))
    .curve(curveStepAfter)(points);
  return (
    <>
      {path ? <path className="ev-step" d={path} /> : null}
      {segments.map((seg) => {
        const x0 = x(seg.start);
        const w = x(seg.end) - x0;
        const text = formatStateValue(seg.value);
        if (seg.value === null) {
          return (
            <g key={`${seg.start}-${seg.eventIds[0]}`}>
              <title>{`${label} held null from ${timeOfDay(seg.start)} to ${timeOfDay(seg.end)}`}</title>
              <rect className="ev-seg ev-seg--null" x={x0} y={rowTop + VALUE_TOP} width={Math.max(1, w)} height={VALUE_HEIGHT} />
              {w > 34 ? (
                <text className="ev-seg__label" x={x0 + 5} y={rowTop + VALUE_TOP + VALUE_HEIGHT / 2} dominantBaseline="middle">
                  null
                </text>
              ) : null}
            </g>
          );
        }
        return w > text.length * CHAR_PX + 6 ? (
          <text key={`${seg.start}-${seg.eventIds[0]}`} className="ev-step__label" x={x0 + 3} y={y(seg.value as number) - 3}>
            {text}
          </text>
        ) : null;
      })}
    </>
  );
}

/** The observations' times padded on both sides, so the first and last steps are visible. */
function chartWindow(times: readonly number[]): TimeWindow | null {
  if (times.length === 0) return null;
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const pad = Math.max((hi - lo) * 0.05, 20);
  return { startMs: lo - pad, endMs: hi + pad };
}

function clip(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text;
}

/** The chart in one sentence per witness: its accessible name. */
function chartSummary(entity: string, field: EntityFieldDto, series: readonly WitnessSeries[], firstDivergenceAt: number | null): string {
  const parts = field.witnesses.map((witness, w) => {
    const values = (series[w]?.segments ?? []).map((s) => formatStateValue(s.value));
    const shown = values.length > 6 ? [...values.slice(0, 6), '…'] : values;
    const disagrees = (series[w]?.disagree.length ?? 0) > 0 ? ', disagrees' : '';
    return `${witness.label}${witness.owner ? ' (owner)' : ''}: ${shown.length > 0 ? shown.join(' → ') : 'nothing'}${disagrees}`;
  });
  const first = firstDivergenceAt === null ? 'no divergence' : `first divergence at ${timeOfDay(firstDivergenceAt)} UTC`;
  return `Values of ${entity} · ${field.field} over aligned time, ${field.witnesses.length} witness(es). ${parts.join('; ')}. ${first}.`;
}
