/**
 * The timeline's engine, outside React: it owns the view window, the slice held for drawing,
 * the canvas and the gestures. React renders the frame around it (toolbar, lane labels) and
 * hands it the latest props; zooming and panning then touch only refs and draw in
 * requestAnimationFrame, so a gesture never re-renders a component (performance.md: a frame is
 * 16.7 ms and 10k marks already take 6-10 of them).
 *
 * Data flow: a gesture changes the view (view-store.ts) -> the next animation frame redraws the
 * held slice with the new scale -> after a pause, a padded slice is fetched if the held one no
 * longer serves the view (slice-request.ts), the old one drawn until the new arrives -> the URL
 * gets the window, throttled, with history replace.
 */
import { errorMessage, fetchJson, isAbortError } from '../api/api-client';
import type { Navigate } from '../investigate/useInvestigationUrl';
import {
  brushWindow,
  clampWindow,
  panWindowFraction,
  panWindowMs,
  windowSpan,
  zoomWindow,
  type TimeWindow,
} from '@/lib/domain/timeline/view-window';
import { formatInstant } from '@/lib/domain/timeline/scale';
import {
  eventDetailDtoSchema,
  timelineSliceDtoSchema,
  timelineStepDtoSchema,
  type InvestigationDto,
  type TimeModeDto,
} from '@/lib/schemas/investigation';
import { drawTimeline, type SelectionMark } from './draw-timeline';
import { countInView, holdSlice, type HeldSlice } from './held-slice';
import { laneName } from './lane-offset-text';
import type { LaneLayout } from './lane-layout';
import { levelLabel } from './level-colors';
import { hitMarker, markerTime, type Marker } from './marker-geometry';
import { pickBin, pickEvent, type ViewScale } from './pick-event';
import { sameRequest, sliceRequest, sliceServes, type SliceRequest } from './slice-request';
import { easeInOut, laneShifts, modeRawness } from './time-shift';
import { readTimelineTheme, watchColorScheme, type TimelineTheme } from './timeline-theme';
import { eventDetailUrl, timelineSliceUrl, timelineStepUrl } from './timeline-urls';
import { createViewStore, sameWindow, type ViewSource, type ViewStore } from './view-store';

export interface ControllerInput {
  incidentId: string;
  investigation: InvestigationDto;
  time: TimeModeDto;
  extent: TimeWindow;
  layout: LaneLayout;
  laneOffsets: readonly number[];
  markers: readonly Marker[];
  /** The window in the URL, null for the whole incident. */
  urlWindow: TimeWindow | null;
  selectedEvent: number | null;
  navigate: Navigate;
}

export interface TimelineSummary {
  from: number;
  to: number;
  /** Events in view: exact when drawn one by one, estimated from the slice's total when binned (held-slice.ts). */
  visible: number;
  binned: boolean;
  loading: boolean;
  error: string | null;
}

export interface ControllerElements {
  plot: HTMLElement;
  canvas: HTMLCanvasElement;
  tooltip: HTMLElement;
  flag: HTMLElement;
}

/** Fetch the next slice this long after the view stops moving. */
const FETCH_DEBOUNCE_MS = 120;
/** ...but not longer than this after the first change while the view keeps moving. */
const FETCH_MAX_WAIT_MS = 400;
/** At most one history.replaceState for the window this often while zooming or panning. */
const URL_THROTTLE_MS = 300;
/** The raw/aligned slide. */
const MODE_ANIMATION_MS = 320;
/** A pointer that moved less than this between down and up clicked. */
const CLICK_SLOP_PX = 4;
/** Keyboard and button zoom step. */
const ZOOM_STEP = 2;

interface Drag {
  pointerId: number;
  x0: number;
  y0: number;
  view0: TimeWindow;
  brush: boolean;
  moved: boolean;
  x: number;
}

interface SelectedGeometry {
  eventId: number;
  lane: number;
  /** Aligned start and end (null for points). */
  at: number;
  endAt: number | null;
}

export class TimelineController {
  readonly store: ViewStore;
  private input: ControllerInput;
  private els: ControllerElements | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  private width = 0;
  private theme: TimelineTheme = readTimelineTheme(null);
  private held: HeldSlice | null = null;
  /** The held slice is from an older analysis: draw it, but fetch again whatever the view. */
  private heldStale = false;
  private inflight: { controller: AbortController; req: SliceRequest } | null = null;
  private fetchError: string | null = null;
  private rawness: number;
  private animation: { from: number; to: number; start: number } | null = null;
  private shifts: Float64Array = new Float64Array(0);
  private raf = 0;
  private fetchTimer: ReturnType<typeof setTimeout> | null = null;
  private fetchPendingSince = 0;
  private urlTimer: ReturnType<typeof setTimeout> | null = null;
  private summaryTimer: ReturnType<typeof setTimeout> | null = null;
  private summaryDue = 0;
  /** The window last written to (or adopted from) the URL; a URL change equal to it is our own echo. */
  private lastUrlWindow: TimeWindow | null;
  private drag: Drag | null = null;
  private selected: SelectedGeometry | null = null;
  private selectionFetch: AbortController | null = null;
  private stepFetch: AbortController | null = null;
  /** Steps asked for and not yet taken (+ next, - previous). */
  private stepQueue = 0;
  /** Where the last step of a run of presses landed, ahead of the URL. */
  private stepCursor: number | null = null;
  private detach: (() => void) | null = null;
  private lastSummary: TimelineSummary | null = null;

  constructor(
    input: ControllerInput,
    private readonly onSummary: (summary: TimelineSummary) => void,
  ) {
    this.input = input;
    this.rawness = modeRawness(input.time);
    this.lastUrlWindow = input.urlWindow;
    this.store = createViewStore(clampWindow(input.urlWindow ?? input.extent, input.extent));
    this.store.subscribe((_view, source) => this.onViewChange(source));
  }

  // ---- lifecycle ----

  attach(els: ControllerElements): void {
    this.els = els;
    this.ctx = els.canvas.getContext('2d');
    this.theme = readTimelineTheme(els.plot);
    const resize = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? els.plot.clientWidth;
      if (width !== this.width) {
        this.width = width;
        this.sizeCanvas();
        this.scheduleFetch(0);
        this.scheduleSummary();
      }
    });
    resize.observe(els.plot);
    this.width = els.plot.clientWidth;
    this.sizeCanvas();
    const wheel = (e: WheelEvent) => this.onWheel(e);
    els.plot.addEventListener('wheel', wheel, { passive: false });
    const unwatch = watchColorScheme(() => {
      this.theme = readTimelineTheme(els.plot);
      this.requestDraw();
    });
    this.detach = () => {
      resize.disconnect();
      els.plot.removeEventListener('wheel', wheel);
      unwatch();
    };
    this.scheduleFetch(0);
    this.loadSelection();
    this.requestDraw();
  }

  destroy(): void {
    this.detach?.();
    this.detach = null;
    if (this.raf) cancelAnimationFrame(this.raf);
    for (const t of [this.fetchTimer, this.urlTimer, this.summaryTimer]) if (t) clearTimeout(t);
    // Forget aborted requests too: React's strict mode attaches again, and must fetch again.
    this.inflight?.controller.abort();
    this.inflight = null;
    this.selectionFetch?.abort();
    this.selectionFetch = null;
    this.stepFetch?.abort();
    this.stepFetch = null;
    this.stepQueue = 0;
    this.stepCursor = null;
    this.raf = 0;
    this.fetchTimer = this.urlTimer = this.summaryTimer = null;
    this.els = null;
    this.ctx = null;
  }

  /** The latest props, after each render. */
  update(next: ControllerInput): void {
    const prev = this.input;
    this.input = next;
    if (next.time !== prev.time) this.startModeAnimation(prev.time, next.time);
    if (next.investigation.fingerprint !== prev.investigation.fingerprint && this.held) {
      // Another analysis: lanes may have moved. Keep drawing only if the lanes still line up.
      if (next.investigation.lanes.length !== prev.investigation.lanes.length) this.held = null;
      this.inflight?.controller.abort();
      this.inflight = null;
      this.heldStale = true;
    }
    const extentMoved = !sameWindow(next.extent, prev.extent, 1e-6);
    if (!sameWindow(next.urlWindow, this.lastUrlWindow)) {
      // Back/forward, a finding's "show in timeline", a pasted link: adopt the URL's window.
      this.lastUrlWindow = next.urlWindow;
      this.store.set(clampWindow(next.urlWindow ?? next.extent, next.extent), 'url');
    } else if (extentMoved) {
      this.store.set(clampWindow(next.urlWindow ?? (this.atWholeExtent(prev.extent) ? next.extent : this.store.get()), next.extent), 'url');
    }
    if (next.selectedEvent !== prev.selectedEvent) this.loadSelection();
    this.scheduleFetch(next.time !== prev.time || this.heldStale ? 0 : FETCH_DEBOUNCE_MS);
    this.scheduleSummary();
    this.requestDraw();
  }

  private atWholeExtent(extent: TimeWindow): boolean {
    return sameWindow(this.store.get(), extent, Math.max(1, windowSpan(extent) * 1e-6));
  }

  private sizeCanvas(): void {
    const { els } = this;
    if (!els) return;
    const dpr = window.devicePixelRatio || 1;
    const height = this.input.layout.height;
    els.canvas.style.width = `${this.width}px`;
    els.canvas.style.height = `${height}px`;
    els.canvas.width = Math.max(1, Math.round(this.width * dpr));
    els.canvas.height = Math.max(1, Math.round(height * dpr));
    this.ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.requestDraw();
  }

  // ---- drawing ----

  requestDraw(): void {
    if (this.raf || !this.ctx) return;
    this.raf = requestAnimationFrame((now) => {
      this.raf = 0;
      this.frame(now);
    });
  }

  private frame(now: number): void {
    const { ctx, els } = this;
    if (!ctx || !els) return;
    if (els.canvas.height !== Math.round(this.input.layout.height * (window.devicePixelRatio || 1))) this.sizeCanvas();
    if (this.animation) {
      const t = (now - this.animation.start) / MODE_ANIMATION_MS;
      this.rawness = this.animation.from + (this.animation.to - this.animation.from) * easeInOut(t);
      if (t >= 1) {
        this.rawness = this.animation.to;
        this.animation = null;
      } else this.requestDraw();
    }
    const probe = (window as { __witnessTimelineProbe?: number[] }).__witnessTimelineProbe;
    const started = probe ? performance.now() : 0;
    const slice = this.held;
    this.shifts = laneShifts(this.input.laneOffsets, slice?.time ?? this.input.time, this.rawness, this.shifts);
    const stats = drawTimeline(ctx, {
      width: this.width,
      dpr: window.devicePixelRatio || 1,
      layout: this.input.layout,
      view: this.store.get(),
      theme: this.theme,
      slice,
      shifts: this.shifts,
      laneOffsets: this.input.laneOffsets,
      rawness: this.rawness,
      markers: this.input.markers,
      selection: this.selectionMark(),
      brush: this.drag?.brush && this.drag.moved ? { x0: this.drag.x0, x1: this.drag.x } : null,
    });
    this.placeFlag(stats.firstDivergenceX);
    // scripts/bench-timeline.ts sets this array to read the draw cost apart from the frame's.
    // Chromium records canvas calls and rasterizes them later: reading a pixel makes it rasterize now, so the probe counts both.
    if (probe) {
      ctx.getImageData(0, 0, 1, 1);
      probe.push(performance.now() - started);
    }
  }

  private selectionMark(): SelectionMark | null {
    const s = this.selected;
    if (!s || s.eventId !== this.input.selectedEvent) return null;
    const shift = this.rawness * (this.input.laneOffsets[s.lane] ?? 0);
    return { lane: s.lane, start: s.at + shift, end: s.endAt === null ? null : s.endAt + shift };
  }

  /** The DOM "First divergence" flag follows its line, or waits at the edge it is beyond. */
  private placeFlag(x: number | null): void {
    const flag = this.els?.flag;
    const first = this.input.markers.find((m) => m.first);
    if (!flag) return;
    if (!first) {
      flag.hidden = true;
      return;
    }
    flag.hidden = false;
    let edge = '';
    let left = x;
    if (left === null) {
      const t = markerTime(first, this.input.laneOffsets, this.rawness);
      edge = t < this.store.get().startMs ? 'left' : 'right';
      left = edge === 'left' ? 0 : this.width;
    }
    if (flag.dataset.edge !== edge) flag.dataset.edge = edge;
    flag.style.transform = `translateX(${Math.round(left)}px)`;
  }

  private startModeAnimation(from: TimeModeDto, to: TimeModeDto): void {
    const target = modeRawness(to);
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (reduce || from === to) {
      this.rawness = target;
      this.animation = null;
    } else this.animation = { from: this.rawness, to: target, start: performance.now() };
    this.store.set(clampWindow(this.store.get(), this.input.extent), 'mode');
  }

  // ---- the view ----

  private scale(): ViewScale {
    const view = this.store.get();
    const span = windowSpan(view);
    return { startMs: view.startMs, pxPerMs: span > 0 ? this.width / span : 0 };
  }

  private onViewChange(source: ViewSource): void {
    this.requestDraw();
    this.scheduleFetch(FETCH_DEBOUNCE_MS);
    // A jump (link, reset, step) says at once that it is loading; a gesture's summary waits for a pause.
    this.scheduleSummary(source === 'gesture' ? 150 : 0);
    if (source === 'url' || source === 'mode') return;
    this.scheduleUrlWrite();
  }

  private setView(next: TimeWindow, source: ViewSource = 'gesture'): void {
    this.store.set(clampWindow(next, this.input.extent), source);
  }

  zoomAt(x: number, factor: number): void {
    const view = this.store.get();
    const focus = view.startMs + (x / Math.max(1, this.width)) * windowSpan(view);
    this.setView(zoomWindow(view, focus, factor, this.input.extent));
  }

  zoomCentre(factor: number): void {
    this.zoomAt(this.width / 2, factor);
  }

  panFraction(fraction: number): void {
    this.setView(panWindowFraction(this.store.get(), fraction, this.input.extent));
  }

  reset(): void {
    this.setView(this.input.extent, 'reset');
  }

  /** Shows `t` (in the current mode), keeping the zoom: centred if it was off screen, left alone if on it. */
  reveal(t: number): void {
    const view = this.store.get();
    const span = windowSpan(view);
    if (t >= view.startMs && t <= view.endMs) return;
    this.setView(panWindowMs(view, t - (view.startMs + span / 2), this.input.extent), 'step');
  }

  private scheduleUrlWrite(): void {
    if (this.urlTimer) return;
    this.urlTimer = setTimeout(() => {
      this.urlTimer = null;
      const view = this.store.get();
      const whole = this.atWholeExtent(this.input.extent);
      const next = whole ? null : { startMs: Math.round(view.startMs), endMs: Math.round(view.endMs) };
      if (sameWindow(next, this.lastUrlWindow)) return;
      this.lastUrlWindow = next;
      this.input.navigate({ window: next ? { from: next.startMs, to: next.endMs } : null }, 'replace');
    }, URL_THROTTLE_MS);
  }

  // ---- data ----

  private scheduleFetch(delay: number): void {
    const now = performance.now();
    if (this.fetchTimer) {
      // A long gesture keeps postponing the debounce: let it fire now and then, so a two-second
      // zoom does not stretch coarse bins the whole way.
      if (delay > 0 && now - this.fetchPendingSince >= FETCH_MAX_WAIT_MS) return;
      clearTimeout(this.fetchTimer);
    } else this.fetchPendingSince = now;
    this.fetchTimer = setTimeout(() => {
      this.fetchTimer = null;
      this.ensureSlice();
    }, delay);
  }

  private ensureSlice(): void {
    if (!this.els || !(this.width > 0)) return;
    const { time, extent } = this.input;
    const view = this.store.get();
    const held = this.held;
    if (held && !this.heldStale && sliceServes({ ...held, binned: held.bins !== null }, view, extent, this.width, time)) return;
    const req = sliceRequest(view, extent, this.width, time);
    const inflight = this.inflight;
    // An answer on its way may serve: wait for it (assume binned until it says otherwise).
    if (inflight && (sameRequest(inflight.req, req) || sliceServes({ ...inflight.req, binned: true }, view, extent, this.width, time))) return;
    inflight?.controller.abort();
    const controller = new AbortController();
    this.inflight = { controller, req };
    this.scheduleSummary();
    fetchJson(timelineSliceUrl(this.input.incidentId, req), timelineSliceDtoSchema, { signal: controller.signal })
      .then((dto) => {
        if (this.inflight?.controller !== controller) return;
        this.inflight = null;
        this.fetchError = null;
        this.heldStale = false;
        this.held = holdSlice(dto, req.columns, this.input.investigation.lanes.length);
        this.requestDraw();
        this.scheduleSummary(0);
        // The view may have moved on while this was loading.
        this.scheduleFetch(0);
      })
      .catch((cause: unknown) => {
        if (isAbortError(cause) || this.inflight?.controller !== controller) return;
        this.inflight = null;
        this.fetchError = errorMessage(cause);
        this.scheduleSummary(0);
      });
  }

  retry(): void {
    this.fetchError = null;
    this.heldStale = true;
    this.scheduleFetch(0);
  }

  /** The summary (aria-label, data-*) after `delay`; an earlier pending one is not postponed. */
  private scheduleSummary(delay = 150): void {
    const due = performance.now() + delay;
    if (this.summaryTimer) {
      if (this.summaryDue <= due) return;
      clearTimeout(this.summaryTimer);
    }
    this.summaryDue = due;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      this.emitSummary();
    }, delay);
  }

  private emitSummary(): void {
    const view = this.store.get();
    const held = this.held;
    const shifts = laneShifts(this.input.laneOffsets, held?.time ?? this.input.time, modeRawness(this.input.time));
    const { extent, time } = this.input;
    // Loading until a slice that serves this very view is held (one may not even be asked for yet: the fetch is debounced).
    const served = held !== null && !this.heldStale && sliceServes({ ...held, binned: held.bins !== null }, view, extent, this.width, time);
    const summary: TimelineSummary = {
      from: view.startMs,
      to: view.endMs,
      visible: held ? countInView(held, view.startMs, view.endMs, shifts) : 0,
      binned: held?.bins !== null && held !== null,
      loading: this.inflight !== null || !served,
      error: this.fetchError,
    };
    const last = this.lastSummary;
    if (
      last &&
      last.from === summary.from &&
      last.to === summary.to &&
      last.visible === summary.visible &&
      last.binned === summary.binned &&
      last.loading === summary.loading &&
      last.error === summary.error
    )
      return;
    this.lastSummary = summary;
    this.onSummary(summary);
  }

  // ---- selection and stepping ----

  /** Where the selected event is: from the held slice when it is there, else from its detail. */
  private loadSelection(): void {
    this.selectionFetch?.abort();
    const id = this.input.selectedEvent;
    if (id === null) {
      this.selected = null;
      this.requestDraw();
      return;
    }
    if (this.selected?.eventId === id) return;
    const controller = new AbortController();
    this.selectionFetch = controller;
    fetchJson(eventDetailUrl(this.input.incidentId, id), eventDetailDtoSchema, { signal: controller.signal })
      .then((detail) => {
        if (detail.at === null) return;
        const interval = detail.event.interval;
        this.selected = {
          eventId: id,
          lane: detail.lane,
          at: detail.at,
          endAt: interval ? detail.at + (interval[1] - interval[0]) : null,
        };
        // Selected elsewhere ("Show in timeline", a finding, a link): bring it on screen if it is not.
        this.reveal(detail.at + modeRawness(this.input.time) * detail.offsetMs);
        this.requestDraw();
      })
      .catch(() => {
        // No geometry, no highlight: the detail panel reports the error itself.
      });
  }

  /** A clicked event's geometry is known at once: no detail round trip before it is highlighted. */
  private selectHeld(held: HeldSlice, i: number): void {
    const ev = held.events!;
    const lane = ev.lane[i]!;
    const toAligned = held.time === 'raw' ? this.input.laneOffsets[lane] ?? 0 : 0;
    const end = ev.end[i]!;
    this.selected = { eventId: ev.id[i]!, lane, at: ev.start[i]! - toAligned, endAt: Number.isNaN(end) ? null : end - toAligned };
  }

  /** The flag's button: select the first divergence's event and bring it into view. */
  revealFirstDivergence(): void {
    const first = this.input.markers.find((m) => m.first);
    if (!first) return;
    this.reveal(markerTime(first, this.input.laneOffsets, modeRawness(this.input.time)));
    this.input.navigate({ event: first.finding.eventId }, 'push');
  }

  /**
   * `j` / `k` (the 'witness:step' event): the next or previous event in time, panned into view.
   * Presses queue up and run one after another, each from where the last one landed, so ten
   * quick presses move ten events even before the URL has caught up.
   */
  step(dir: 1 | -1): void {
    this.stepQueue += dir;
    if (!this.stepFetch) this.runStep();
  }

  private runStep(): void {
    if (this.stepQueue === 0) {
      this.stepFetch = null;
      this.stepCursor = null;
      return;
    }
    const dir: 1 | -1 = this.stepQueue > 0 ? 1 : -1;
    this.stepQueue -= dir;
    const { incidentId, time } = this.input;
    const cursor = this.stepCursor ?? this.input.selectedEvent;
    const view = this.store.get();
    const from = cursor !== null ? { event: cursor } : { from: view.startMs, to: view.endMs };
    const controller = new AbortController();
    this.stepFetch = controller;
    fetchJson(timelineStepUrl(incidentId, from, dir, time), timelineStepDtoSchema, { signal: controller.signal })
      .then((step) => {
        if (this.stepFetch !== controller) return;
        if (step.eventId === null) {
          // Past the first or the last event: the rest of the queue has nowhere to go.
          this.stepQueue = 0;
        } else {
          this.stepCursor = step.eventId;
          if (step.start !== null) this.reveal(step.start);
          this.input.navigate({ event: step.eventId }, 'push');
        }
        this.runStep();
      })
      .catch((cause: unknown) => {
        if (isAbortError(cause)) return;
        this.stepFetch = null;
        this.stepQueue = 0;
        this.stepCursor = null;
        this.fetchError = errorMessage(cause);
        this.scheduleSummary(0);
      });
  }

  // ---- pointer and keys ----

  private onWheel(e: WheelEvent): void {
    if (!this.els) return;
    e.preventDefault();
    const x = e.clientX - this.els.plot.getBoundingClientRect().left;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.width : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    if (Math.abs(dx) > Math.abs(dy) && !e.ctrlKey) {
      // A trackpad's sideways swipe pans.
      const view = this.store.get();
      this.setView(panWindowMs(view, (dx / Math.max(1, this.width)) * windowSpan(view), this.input.extent));
      return;
    }
    this.zoomAt(x, Math.exp(-dy * 0.002));
  }

  private local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const rect = this.els!.plot.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  pointerDown(e: PointerEvent): void {
    if (!this.els || e.button !== 0) return;
    const { x, y } = this.local(e);
    this.els.plot.setPointerCapture(e.pointerId);
    this.drag = { pointerId: e.pointerId, x0: x, y0: y, view0: this.store.get(), brush: e.shiftKey, moved: false, x };
    this.els.plot.dataset.gesture = e.shiftKey ? 'brush' : 'pan';
    this.hideTooltip();
  }

  pointerMove(e: PointerEvent): void {
    if (!this.els) return;
    const { x, y } = this.local(e);
    const drag = this.drag;
    if (!drag || drag.pointerId !== e.pointerId) {
      this.hover(x, y);
      return;
    }
    drag.x = x;
    if (!drag.moved && Math.hypot(x - drag.x0, y - drag.y0) < CLICK_SLOP_PX) return;
    drag.moved = true;
    if (drag.brush) this.requestDraw();
    else {
      const span = windowSpan(drag.view0);
      this.setView(panWindowMs(drag.view0, (-(x - drag.x0) / Math.max(1, this.width)) * span, this.input.extent));
    }
  }

  pointerUp(e: PointerEvent): void {
    const drag = this.drag;
    if (!this.els || !drag || drag.pointerId !== e.pointerId) return;
    this.drag = null;
    delete this.els.plot.dataset.gesture;
    if (this.els.plot.hasPointerCapture(e.pointerId)) this.els.plot.releasePointerCapture(e.pointerId);
    const { x, y } = this.local(e);
    if (!drag.moved) {
      this.click(x, y);
      return;
    }
    if (drag.brush) {
      const view = this.store.get();
      const span = windowSpan(view);
      const t = (px: number) => view.startMs + (px / Math.max(1, this.width)) * span;
      if (Math.abs(x - drag.x0) >= CLICK_SLOP_PX) this.setView(brushWindow(t(drag.x0), t(x), this.input.extent));
      this.requestDraw();
    }
  }

  pointerCancel(): void {
    this.drag = null;
    if (this.els) delete this.els.plot.dataset.gesture;
    this.requestDraw();
  }

  pointerLeave(): void {
    if (!this.drag) this.hideTooltip();
  }

  private click(x: number, y: number): void {
    const { layout, laneOffsets, markers, navigate } = this.input;
    const scale = this.scale();
    const marker = hitMarker(markers, layout, scale, laneOffsets, this.rawness, x, y);
    if (marker) {
      navigate({ event: marker.finding.eventId }, 'push');
      return;
    }
    const held = this.held;
    if (held?.events) {
      const i = pickEvent(held.events, layout, scale, this.shifts, x, y);
      if (i >= 0) {
        this.selectHeld(held, i);
        navigate({ event: held.events.id[i]! }, 'push');
      }
      return;
    }
    if (held?.bins && pickBin(held.bins, held, layout, scale, this.shifts, x, y)) {
      // Too many events here to pick one: zoom in towards the click instead.
      this.zoomAt(x, 4);
    }
  }

  private hover(x: number, y: number): void {
    const { layout, laneOffsets, markers, investigation } = this.input;
    const scale = this.scale();
    const lanes = investigation.lanes;
    const laneText = (l: number) => (lanes[l] ? laneName(lanes[l]) : `lane ${l}`);
    let lines: string[] | null = null;
    const marker = hitMarker(markers, layout, scale, laneOffsets, this.rawness, x, y);
    const held = this.held;
    if (marker) {
      const f = marker.finding;
      const t = markerTime(marker, laneOffsets, this.rawness);
      lines = [
        `${marker.first ? 'First divergence: ' : marker.divergence ? 'Divergence: ' : 'Signal: '}${f.kind.replace('_', ' ')}`,
        formatInstant(t),
        laneText(f.lane),
        f.summary,
        'Click to select its event',
      ];
    } else if (held?.events) {
      const i = pickEvent(held.events, layout, scale, this.shifts, x, y);
      if (i >= 0) {
        const ev = held.events;
        const lane = ev.lane[i]!;
        const shift = this.shifts[lane] ?? 0;
        const start = ev.start[i]! + shift;
        const end = ev.end[i]!;
        lines = [
          Number.isNaN(end) ? formatInstant(start) : `${formatInstant(start)} + ${(end - ev.start[i]!).toLocaleString('en-US')} ms`,
          laneText(lane),
          levelLabel(ev.level[i]!),
          ev.label[i] || '(no message)',
        ];
      }
    } else if (held?.bins) {
      const bin = pickBin(held.bins, held, layout, scale, this.shifts, x, y);
      if (bin) {
        const shift = this.shifts[bin.lane] ?? 0;
        lines = [
          `${bin.count.toLocaleString('en-US')} event${bin.count === 1 ? '' : 's'}`,
          `${formatInstant(bin.fromMs + shift)} to ${formatInstant(bin.toMs + shift).slice(11)}`,
          laneText(bin.lane),
          `most severe: ${levelLabel(bin.maxLevel)}`,
          'Click to zoom in',
        ];
      }
    }
    this.els!.plot.dataset.hover = lines ? 'mark' : '';
    if (lines) this.showTooltip(lines, x, y);
    else this.hideTooltip();
  }

  private showTooltip(lines: string[], x: number, y: number): void {
    const tip = this.els?.tooltip;
    if (!tip) return;
    tip.replaceChildren(
      ...lines.map((line, i) => {
        const div = document.createElement('div');
        div.textContent = line;
        if (i === 0) div.className = 'timeline__tooltip-head';
        return div;
      }),
    );
    tip.hidden = false;
    const w = tip.offsetWidth;
    const left = x + 14 + w > this.width ? Math.max(0, x - 14 - w) : x + 14;
    tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(y + 14)}px)`;
  }

  private hideTooltip(): void {
    const tip = this.els?.tooltip;
    if (tip && !tip.hidden) tip.hidden = true;
  }

  /** Keys while the plot has focus; true when handled (the caller prevents the default). */
  keyDown(e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    switch (e.key) {
      case '+':
      case '=':
        this.zoomCentre(ZOOM_STEP);
        return true;
      case '-':
      case '_':
        this.zoomCentre(1 / ZOOM_STEP);
        return true;
      case 'ArrowLeft':
        this.panFraction(e.shiftKey ? -1 : -0.25);
        return true;
      case 'ArrowRight':
        this.panFraction(e.shiftKey ? 1 : 0.25);
        return true;
      case '0':
        this.reset();
        return true;
      default:
        return false;
    }
  }
}
