/**
 * Draws one frame of the timeline canvas from what is held: lanes, axis, events or bins, finding
 * markers, the first divergence, the selection and a brush. Called from requestAnimationFrame;
 * it allocates little and sets each colour once per frame (marks of one level go in one path),
 * because at 10,000 marks the fill calls are the frame's budget
 * (../shared/guides/performance.md: ~0.6 µs a fillRect).
 */
import type { TimeWindow } from '@/lib/domain/timeline/view-window';
import { timeTicks } from '@/lib/domain/timeline/scale';
import type { HeldSlice } from './held-slice';
import { laneBand, laneInner, rowBand, type LaneLayout } from './lane-layout';
import { LEVELS_BY_SEVERITY, levelMark } from './level-colors';
import { markerPosition, type Marker } from './marker-geometry';
import { snappedRect } from './pixel-snap';
import type { TimelineTheme } from './timeline-theme';

/** The selected event, in display time (shifts applied). */
export interface SelectionMark {
  lane: number;
  start: number;
  end: number | null;
}

export interface TimelineFrame {
  /** Plot width in CSS pixels. */
  width: number;
  /** Device pixels per CSS pixel: marks are snapped to device pixels (pixel-snap.ts). */
  dpr: number;
  layout: LaneLayout;
  view: TimeWindow;
  theme: TimelineTheme;
  slice: HeldSlice | null;
  /** Per lane, added to the slice's times (time-shift.ts laneShifts). */
  shifts: ArrayLike<number>;
  laneOffsets: readonly number[];
  rawness: number;
  markers: readonly Marker[];
  selection: SelectionMark | null;
  /** A brushed range being dragged, in plot x. */
  brush: { x0: number; x1: number } | null;
}

export interface FrameStats {
  /** Marks drawn: events one by one, or non-empty bin columns. */
  marks: number;
  /** The first divergence's x, or null when it is not on screen (the DOM flag follows it). */
  firstDivergenceX: number | null;
}

/** Half the width and the height of an error's crossbar. */
const CAP_PX = 3.5;
const CAP_HEIGHT_PX = 2;
/** The error band along a binned lane's top. */
const BAND_PX = 3;

export function drawTimeline(ctx: CanvasRenderingContext2D, f: TimelineFrame): FrameStats {
  const { width, layout, view, theme } = f;
  const height = layout.height;
  const span = view.endMs - view.startMs;
  const k = span > 0 ? width / span : 0;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, width, height);

  for (let l = 1; l < layout.laneCount; l += 2) {
    const band = laneBand(layout, l);
    ctx.fillStyle = theme.laneAlt;
    ctx.fillRect(0, band.top, width, band.height);
  }
  drawAxis(ctx, f);

  let marks = 0;
  if (f.slice?.events) marks = drawEvents(ctx, f, k);
  else if (f.slice?.bins) marks = drawBins(ctx, f, k);

  drawMarkers(ctx, f, k);
  const firstDivergenceX = drawFirstDivergence(ctx, f, k);
  drawSelection(ctx, f, k);

  if (f.brush) {
    const x0 = Math.min(f.brush.x0, f.brush.x1);
    const w = Math.abs(f.brush.x1 - f.brush.x0);
    ctx.fillStyle = theme.brush;
    ctx.fillRect(x0, layout.axisHeight, w, height - layout.axisHeight);
    ctx.strokeStyle = theme.brushBorder;
    ctx.lineWidth = 1;
    ctx.strokeRect(Math.round(x0) + 0.5, layout.axisHeight + 0.5, Math.round(w), height - layout.axisHeight - 1);
  }
  return { marks, firstDivergenceX };
}

function drawAxis(ctx: CanvasRenderingContext2D, f: TimelineFrame): void {
  const { width, layout, theme } = f;
  const ticks = timeTicks(f.view, width);
  ctx.fillStyle = theme.grid;
  for (const t of ticks) ctx.fillRect(Math.round(t.x), layout.axisHeight - 5, 1, layout.height - layout.axisHeight + 5);
  ctx.fillRect(0, layout.axisHeight - 1, width, 1);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const t of ticks) {
    const x = Math.round(t.x) + 3;
    if (x > width - 20) continue;
    if (t.date) {
      ctx.fillStyle = theme.fgMuted;
      ctx.font = `10px ${theme.fontSans}`;
      ctx.fillText(t.date, x, 10);
    }
    ctx.fillStyle = theme.fg;
    ctx.font = `11px ${theme.fontMono}`;
    ctx.fillText(t.label, x, 21);
  }
}

function drawEvents(ctx: CanvasRenderingContext2D, f: TimelineFrame, k: number): number {
  const ev = f.slice!.events!;
  const { layout, width, view, shifts } = f;
  let marks = 0;
  // One pass per level, least severe first: one fillStyle per level, errors drawn on top.
  for (const code of LEVELS_BY_SEVERITY) {
    const mark = levelMark(code);
    ctx.fillStyle = f.theme.levels[code]!;
    ctx.beginPath();
    const caps: number[] = [];
    for (let i = 0; i < ev.length; i++) {
      if (ev.level[i] !== code) continue;
      const lane = ev.lane[i]!;
      if (lane < 0 || lane >= layout.laneCount) continue;
      const shift = shifts[lane] ?? 0;
      const xs = (ev.start[i]! + shift - view.startMs) * k;
      const end = ev.end[i]!;
      const xe = Number.isNaN(end) ? xs : (end + shift - view.startMs) * k;
      if (xe < -CAP_PX || xs > width + CAP_PX) continue;
      marks++;
      if (Number.isNaN(end)) {
        const inner = laneInner(layout, lane);
        const h = Math.max(2, inner.height * mark.heightFraction);
        snappedRect(ctx, xs - mark.widthPx / 2, inner.top + inner.height - h, mark.widthPx, h, f.dpr);
        if (mark.cap) caps.push(xs, inner.top);
      } else {
        const band = rowBand(layout, lane, ev.row[i]!, ev.rowsPerLane[lane] ?? 1);
        const x0 = Math.max(-1, xs);
        const x1 = Math.min(width + 1, xe);
        snappedRect(ctx, x0, band.top, x1 - x0, band.height, f.dpr);
        if (mark.cap && xs >= 0) caps.push(xs, band.top);
      }
    }
    ctx.fill();
    if (caps.length > 0) fillCaps(ctx, caps, f.dpr);
  }
  return marks;
}

/**
 * A crossbar on top of each (x, top): the T shape that says "error" without colour. Rectangles,
 * not triangles: thousands of overlapping triangles in one path took ~120 ms to fill in
 * software-rendered Chromium, the same number of rectangles ~5 ms.
 */
function fillCaps(ctx: CanvasRenderingContext2D, xy: readonly number[], dpr: number): void {
  ctx.beginPath();
  for (let j = 0; j < xy.length; j += 2) snappedRect(ctx, xy[j]! - CAP_PX, xy[j + 1]!, 2 * CAP_PX, CAP_HEIGHT_PX, dpr);
  ctx.fill();
}

function drawBins(ctx: CanvasRenderingContext2D, f: TimelineFrame, k: number): number {
  const slice = f.slice!;
  const bins = slice.bins!;
  const { layout, width, view, shifts, dpr } = f;
  if (bins.columns === 0 || !(k > 0)) return 0;
  const colMs = (slice.to - slice.from) / bins.columns;
  const colPx = colMs * k;
  const lanes = Math.min(bins.lanes, layout.laneCount);
  // Bars by level in one sweep: a path per level, then one fill each.
  const paths = LEVELS_BY_SEVERITY.map(() => new Path2D());
  const bands = LEVELS_BY_SEVERITY.map(() => new Path2D());
  let marks = 0;
  for (let l = 0; l < lanes; l++) {
    const inner = laneInner(layout, l);
    const max = bins.laneMax[l]!;
    if (max === 0) continue;
    const logMax = Math.log1p(max);
    const bottom = Math.round((inner.top + inner.height) * dpr);
    const x0 = (slice.from + (shifts[l] ?? 0) - view.startMs) * k;
    const c0 = Math.max(0, Math.floor(-x0 / colPx) - 1);
    const c1 = Math.min(bins.columns - 1, Math.ceil((width - x0) / colPx) + 1);
    const row = l * bins.columns;
    // Columns narrower than a device pixel (zoomed out past the slice, before the next one
    // arrives) merge into one bar per pixel: the highest count and level win. So a frame never
    // draws more bars than the canvas has pixel columns.
    let runStart = -1;
    let runEnd = -1;
    let runCount = 0;
    let runLevel = 0;
    // Errors also mark the lane's top edge: one band per stretch of error columns, whatever the bars' heights.
    let bandStart = -1;
    let bandEnd = -1;
    let bandLevel = 0;
    const flushBar = () => {
      if (runCount === 0) return;
      const h = Math.max(1, Math.round(inner.height * dpr * (0.2 + (0.8 * Math.log1p(runCount)) / logMax)));
      paths[runLevel]!.rect(runStart / dpr, (bottom - h) / dpr, (runEnd - runStart) / dpr, h / dpr);
      marks++;
      runCount = 0;
    };
    const flushBand = () => {
      if (bandEnd <= bandStart) return;
      bands[bandLevel]!.rect(bandStart / dpr, Math.round((inner.top - 2) * dpr) / dpr, (bandEnd - bandStart) / dpr, BAND_PX);
      bandStart = bandEnd = -1;
    };
    for (let c = c0; c <= c1; c++) {
      const count = bins.counts[row + c]!;
      if (count === 0) continue;
      const level = bins.maxLevel[row + c]!;
      const x = x0 + c * colPx;
      const p0 = Math.round(x * dpr);
      const p1 = Math.max(p0 + 1, Math.round((x + colPx) * dpr));
      if (runCount > 0 && p0 < runEnd) {
        runEnd = Math.max(runEnd, p1);
        if (count > runCount) runCount = count;
        if (level > runLevel) runLevel = level;
      } else {
        flushBar();
        runStart = p0;
        runEnd = p1;
        runCount = count;
        runLevel = level;
      }
      if (levelMark(level).cap) {
        if (bandEnd >= p0 && (level === bandLevel || p0 < bandEnd)) {
          bandEnd = Math.max(bandEnd, p1);
          if (level > bandLevel) bandLevel = level;
        } else {
          flushBand();
          bandStart = p0;
          bandEnd = p1;
          bandLevel = level;
        }
      }
    }
    flushBar();
    flushBand();
  }
  for (const code of LEVELS_BY_SEVERITY) {
    ctx.fillStyle = f.theme.levels[code]!;
    ctx.fill(paths[code]!);
    if (levelMark(code).cap) ctx.fill(bands[code]!);
  }
  return marks;
}

function drawMarkers(ctx: CanvasRenderingContext2D, f: TimelineFrame, k: number): void {
  const { layout, width, theme } = f;
  const scale = { startMs: f.view.startMs, pxPerMs: k };
  ctx.lineWidth = 2;
  for (const m of f.markers) {
    const p = markerPosition(m, layout, scale, f.laneOffsets, f.rawness);
    if (p.x < -p.r || p.x > width + p.r) continue;
    ctx.beginPath();
    if (m.divergence) {
      // A diamond: a shape of its own, not a level tick.
      ctx.moveTo(p.x, p.y - p.r);
      ctx.lineTo(p.x + p.r, p.y);
      ctx.lineTo(p.x, p.y + p.r);
      ctx.lineTo(p.x - p.r, p.y);
      ctx.closePath();
      ctx.strokeStyle = theme.bg;
      ctx.stroke();
      ctx.fillStyle = theme.divergence;
      ctx.fill();
    } else {
      // Signals: a hollow circle, lighter than divergences (context, not a verdict).
      ctx.arc(p.x, p.y, p.r, 0, Math.PI * 2);
      ctx.fillStyle = theme.bg;
      ctx.fill();
      ctx.strokeStyle = theme.signal;
      ctx.stroke();
    }
  }
}

function drawFirstDivergence(ctx: CanvasRenderingContext2D, f: TimelineFrame, k: number): number | null {
  const first = f.markers.find((m) => m.first);
  if (!first) return null;
  const scale = { startMs: f.view.startMs, pxPerMs: k };
  const p = markerPosition(first, f.layout, scale, f.laneOffsets, f.rawness);
  if (p.x < -1 || p.x > f.width + 1) return null;
  // Full height, two pixels, over everything but the selection: nobody misses it.
  ctx.fillStyle = f.theme.divergence;
  ctx.fillRect(Math.round(p.x) - 1, f.layout.axisHeight, 2, f.layout.height - f.layout.axisHeight);
  return p.x;
}

function drawSelection(ctx: CanvasRenderingContext2D, f: TimelineFrame, k: number): void {
  const s = f.selection;
  if (!s || s.lane < 0 || s.lane >= f.layout.laneCount) return;
  const xs = (s.start - f.view.startMs) * k;
  const xe = s.end === null ? xs : (s.end - f.view.startMs) * k;
  if (xe < -8 || xs > f.width + 8) return;
  const band = laneBand(f.layout, s.lane);
  ctx.strokeStyle = f.theme.selection;
  ctx.lineWidth = 2;
  const x0 = Math.max(-2, xs - 4);
  const x1 = Math.min(f.width + 2, xe + 4);
  ctx.strokeRect(x0, band.top + 1, Math.max(8, x1 - x0), band.height - 2);
  // A thin line through the axis too, so the selected moment is findable at a glance.
  ctx.fillStyle = f.theme.selection;
  ctx.fillRect(Math.round(xs), 0, 1, f.layout.axisHeight);
}
