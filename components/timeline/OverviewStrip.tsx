'use client';

import { useEffect, useRef } from 'react';
import { brushWindow, clampWindow, windowSpan, type TimeWindow } from '@/lib/domain/timeline/view-window';
import { timelineSliceDtoSchema, type TimeModeDto } from '@/lib/schemas/investigation';
import { fetchJson, isAbortError } from '../api/api-client';
import { LEVELS_BY_SEVERITY } from './level-colors';
import { overviewHistogram, type Histogram } from './overview-histogram';
import { snappedRect } from './pixel-snap';
import { MAX_COLUMNS } from './slice-request';
import { readTimelineTheme, watchColorScheme, type TimelineTheme } from './timeline-theme';
import { timelineSliceUrl } from './timeline-urls';
import type { ViewStore } from './view-store';

interface OverviewStripProps {
  incidentId: string;
  /** The whole incident in this mode (display-extent.ts). */
  extent: TimeWindow;
  time: TimeModeDto;
  fingerprint: string;
  /** The timeline's view window: the strip draws it as a brush and moves it. */
  store: ViewStore;
}

const HEIGHT_PX = 36;
/** Grab a brush edge within this many pixels to resize it. */
const EDGE_PX = 6;
const MIN_BRUSH_PX = 3;

type Grab = { kind: 'move'; x0: number; view0: TimeWindow } | { kind: 'edge'; fixedMs: number } | { kind: 'new'; x0: number };

/**
 * The whole incident as a histogram (events per pixel column, all lanes, coloured by the most
 * severe level), with the timeline's window as a brush: drag it to pan, drag an edge to resize,
 * press elsewhere and drag to draw a new window. The keyboard equivalents live on the timeline
 * itself (arrows, +/-, 0), so this strip is a pointer shortcut, not the only way.
 */
export function OverviewStrip({ incidentId, extent, time, fingerprint, store }: OverviewStripProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const histogram = useRef<Histogram | null>(null);
  const extentRef = useRef(extent);
  const draw = useRef<() => void>(() => {});

  useEffect(() => {
    extentRef.current = extent;
    draw.current();
  }, [extent]);

  // The drawing loop, the width and the brush gestures: set up once per strip.
  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!box || !canvas || !ctx) return;
    let theme: TimelineTheme = readTimelineTheme(box);
    let width = box.clientWidth;
    let raf = 0;
    let grab: Grab | null = null;

    const frame = () => {
      raf = 0;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr)) {
        canvas.width = Math.max(1, Math.round(width * dpr));
        canvas.height = Math.round(HEIGHT_PX * dpr);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${HEIGHT_PX}px`;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawOverview(ctx, width, dpr, theme, histogram.current, extentRef.current, store.get());
    };
    const request = () => {
      if (!raf) raf = requestAnimationFrame(frame);
    };
    draw.current = request;

    const toMs = (x: number) => {
      const ext = extentRef.current;
      return ext.startMs + (x / Math.max(1, width)) * windowSpan(ext);
    };
    const toX = (t: number) => {
      const ext = extentRef.current;
      return ((t - ext.startMs) / windowSpan(ext)) * width;
    };
    const localX = (e: PointerEvent) => e.clientX - box.getBoundingClientRect().left;

    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const x = localX(e);
      const view = store.get();
      const x0 = toX(view.startMs);
      const x1 = toX(view.endMs);
      // A brush over (nearly) the whole strip leaves nowhere to start a new one: a press draws one.
      const whole = windowSpan(view) >= windowSpan(extentRef.current) * 0.98;
      if (whole) grab = { kind: 'new', x0: x };
      else if (Math.abs(x - x0) <= EDGE_PX) grab = { kind: 'edge', fixedMs: view.endMs };
      else if (Math.abs(x - x1) <= EDGE_PX) grab = { kind: 'edge', fixedMs: view.startMs };
      else if (x > x0 && x < x1) grab = { kind: 'move', x0: x, view0: view };
      else grab = { kind: 'new', x0: x };
      box.setPointerCapture(e.pointerId);
      box.dataset.gesture = grab.kind;
      e.preventDefault();
    };
    const move = (e: PointerEvent) => {
      if (!grab) {
        const view = store.get();
        const x = localX(e);
        const edge = Math.abs(x - toX(view.startMs)) <= EDGE_PX || Math.abs(x - toX(view.endMs)) <= EDGE_PX;
        box.dataset.hover = edge ? 'edge' : x > toX(view.startMs) && x < toX(view.endMs) ? 'brush' : '';
        return;
      }
      const x = localX(e);
      const ext = extentRef.current;
      if (grab.kind === 'move') {
        const dt = ((x - grab.x0) / Math.max(1, width)) * windowSpan(ext);
        store.set(clampWindow({ startMs: grab.view0.startMs + dt, endMs: grab.view0.endMs + dt }, ext), 'gesture');
      } else if (grab.kind === 'edge') {
        store.set(brushWindow(grab.fixedMs, toMs(x), ext), 'gesture');
      } else if (Math.abs(x - grab.x0) >= MIN_BRUSH_PX) {
        store.set(brushWindow(toMs(grab.x0), toMs(x), ext), 'gesture');
      }
    };
    const up = (e: PointerEvent) => {
      if (!grab) return;
      if (grab.kind === 'new' && Math.abs(localX(e) - grab.x0) < MIN_BRUSH_PX) {
        // A click outside the brush centres the window there, keeping its span.
        const view = store.get();
        const half = windowSpan(view) / 2;
        const t = toMs(localX(e));
        store.set(clampWindow({ startMs: t - half, endMs: t + half }, extentRef.current), 'gesture');
      }
      grab = null;
      delete box.dataset.gesture;
      if (box.hasPointerCapture(e.pointerId)) box.releasePointerCapture(e.pointerId);
    };
    box.addEventListener('pointerdown', down);
    box.addEventListener('pointermove', move);
    box.addEventListener('pointerup', up);
    box.addEventListener('pointercancel', up);

    const resize = new ResizeObserver((entries) => {
      width = entries[0]?.contentRect.width ?? box.clientWidth;
      box.dataset.columns = String(Math.min(MAX_COLUMNS, Math.max(1, Math.round(width))));
      box.dispatchEvent(new Event('witness:overview-resize'));
      request();
    });
    resize.observe(box);
    const unwatch = watchColorScheme(() => {
      theme = readTimelineTheme(box);
      request();
    });
    const unsubscribe = store.subscribe(request);
    request();
    return () => {
      if (raf) cancelAnimationFrame(raf);
      draw.current = () => {};
      box.removeEventListener('pointerdown', down);
      box.removeEventListener('pointermove', move);
      box.removeEventListener('pointerup', up);
      box.removeEventListener('pointercancel', up);
      resize.disconnect();
      unwatch();
      unsubscribe();
    };
  }, [store]);

  // The histogram: one request for the whole extent, again when the mode, the analysis or the width changes.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastKey = '';
    const load = () => {
      const columns = Math.min(MAX_COLUMNS, Math.max(1, Math.round(box.clientWidth)));
      const key = `${columns}`;
      if (key === lastKey) return;
      lastKey = key;
      controller?.abort();
      const c = new AbortController();
      controller = c;
      box.dataset.loading = 'true';
      fetchJson(timelineSliceUrl(incidentId, { time, from: extent.startMs, to: extent.endMs, columns }), timelineSliceDtoSchema, { signal: c.signal })
        .then((slice) => {
          histogram.current = overviewHistogram(slice, columns);
          delete box.dataset.loading;
          draw.current();
        })
        .catch((cause: unknown) => {
          if (isAbortError(cause)) return;
          // The strip is a convenience: without it, the timeline still works; say so quietly.
          box.dataset.loading = 'error';
          box.title = 'The overview could not be loaded';
        });
    };
    const onResize = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 200);
    };
    box.addEventListener('witness:overview-resize', onResize);
    load();
    return () => {
      box.removeEventListener('witness:overview-resize', onResize);
      if (timer) clearTimeout(timer);
      controller?.abort();
    };
  }, [incidentId, time, fingerprint, extent.startMs, extent.endMs]);

  return (
    <div
      ref={boxRef}
      className="timeline__overview"
      role="img"
      aria-label="Overview: events over the whole incident; the highlighted range is the window shown below. Drag it to move, drag its edges to resize."
    >
      <canvas ref={canvasRef} aria-hidden="true" />
    </div>
  );
}

function drawOverview(
  ctx: CanvasRenderingContext2D,
  width: number,
  dpr: number,
  theme: TimelineTheme,
  hist: Histogram | null,
  extent: TimeWindow,
  view: TimeWindow,
): void {
  ctx.clearRect(0, 0, width, HEIGHT_PX);
  ctx.fillStyle = theme.laneAlt;
  ctx.fillRect(0, 0, width, HEIGHT_PX);
  const span = windowSpan(extent);
  if (hist && hist.max > 0 && span > 0) {
    const k = width / span;
    const colPx = ((hist.to - hist.from) / hist.columns) * k;
    const x0 = (hist.from - extent.startMs) * k;
    const logMax = Math.log1p(hist.max);
    const usable = HEIGHT_PX - 4;
    for (const code of LEVELS_BY_SEVERITY) {
      ctx.fillStyle = theme.levels[code]!;
      ctx.beginPath();
      for (let c = 0; c < hist.columns; c++) {
        const count = hist.counts[c]!;
        if (count === 0 || hist.maxLevel[c] !== code) continue;
        const h = Math.max(2, (usable * Math.log1p(count)) / logMax);
        snappedRect(ctx, x0 + c * colPx, HEIGHT_PX - h, colPx, h, dpr);
      }
      ctx.fill();
    }
  }
  // The brush: the rest of the strip is veiled, the window outlined, with grips at its edges.
  const bx0 = Math.max(0, ((view.startMs - extent.startMs) / span) * width);
  const bx1 = Math.min(width, ((view.endMs - extent.startMs) / span) * width);
  ctx.fillStyle = theme.veil;
  ctx.fillRect(0, 0, bx0, HEIGHT_PX);
  ctx.fillRect(bx1, 0, width - bx1, HEIGHT_PX);
  ctx.fillStyle = theme.brush;
  ctx.fillRect(bx0, 0, Math.max(1, bx1 - bx0), HEIGHT_PX);
  ctx.strokeStyle = theme.brushBorder;
  ctx.lineWidth = 2;
  ctx.strokeRect(bx0 + 1, 1, Math.max(1, bx1 - bx0 - 2), HEIGHT_PX - 2);
  ctx.fillStyle = theme.brushBorder;
  for (const x of [bx0, bx1]) ctx.fillRect(Math.round(x) - 2, HEIGHT_PX / 2 - 7, 4, 14);
}
