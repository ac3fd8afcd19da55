'use client';

import './timeline.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatInstant } from '@/lib/domain/timeline/scale';
import type { TimeWindow } from '@/lib/domain/timeline/view-window';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import type { InvestigationState } from '../investigate/investigation-url';
import type { Navigate } from '../investigate/useInvestigationUrl';
import { STEP_EVENT, type StepDetail } from '../investigate/useInvestigationKeys';
import { formatCount, formatDuration } from '../ui/format';
import { StateMessage } from '../ui/StateMessage';
import { displayExtent } from './display-extent';
import { laneLayout, type LaneLayout } from './lane-layout';
import { laneName, laneOffsetExplanation, laneOffsetText, laneService, offsetKind } from './lane-offset-text';
import { buildMarkers } from './marker-geometry';
import { OverviewStrip } from './OverviewStrip';
import { TimelineController, type ControllerInput, type TimelineSummary } from './timeline-controller';
import { TimeModeToggle } from '../investigate/TimeModeToggle';

export interface TimelineProps {
  incidentId: string;
  investigation: InvestigationDto;
  state: InvestigationState;
  navigate: Navigate;
}

/**
 * The incident on one time axis: a lane per clock domain, each labelled with its clock offset,
 * events drawn on a canvas (one by one up to 10k in view, binned above), findings as markers,
 * the first divergence as a line through every lane. Wheel zooms, drag pans, shift+drag selects
 * a window; with focus, + - zoom, arrows pan, 0 shows the whole incident. The window, the mode and
 * the selected event live in the URL.
 */
export function Timeline(props: TimelineProps) {
  const range = props.investigation.extent[props.state.time];
  const from = range?.[0];
  const to = range?.[1];
  const extent = useMemo(() => (from === undefined || to === undefined ? null : displayExtent([from, to])), [from, to]);
  if (extent === null || props.investigation.lanes.length === 0) {
    return (
      <StateMessage title="Nothing to place on a timeline">
        No event in this incident has a time. The events view lists them as they were read.
      </StateMessage>
    );
  }
  return <TimelinePlot {...props} extent={extent} />;
}

function TimelinePlot({ incidentId, investigation, state, navigate, extent }: TimelineProps & { extent: TimeWindow }) {
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const flagRef = useRef<HTMLButtonElement>(null);
  const helpId = useId();
  const layout = useMemo(() => laneLayout(investigation.lanes.length), [investigation.lanes.length]);
  const laneOffsets = useMemo(() => investigation.lanes.map((l) => l.offsetMs), [investigation.lanes]);
  const markers = useMemo(() => buildMarkers(investigation), [investigation]);
  const win = state.window;
  const urlWindow = useMemo(() => (win ? { startMs: win.from, endMs: win.to } : null), [win]);
  const input: ControllerInput = {
    incidentId,
    investigation,
    time: state.time,
    extent,
    layout,
    laneOffsets,
    markers,
    urlWindow,
    selectedEvent: state.event,
    navigate,
  };
  const [summary, setSummary] = useState<TimelineSummary | null>(null);
  // One engine per mounted timeline; it reads later props through update() below.
  const [controller] = useState(() => new TimelineController(input, setSummary));

  useEffect(() => {
    controller.update(input);
  });

  useEffect(() => {
    const plot = plotRef.current;
    const canvas = canvasRef.current;
    const tooltip = tooltipRef.current;
    const flag = flagRef.current;
    if (!plot || !canvas || !tooltip || !flag) return;
    controller.attach({ plot, canvas, tooltip, flag });
    const onStep = (e: Event) => {
      const dir = (e as CustomEvent<StepDetail>).detail?.dir;
      if (dir === 1 || dir === -1) controller.step(dir);
    };
    window.addEventListener(STEP_EVENT, onStep);
    return () => {
      window.removeEventListener(STEP_EVENT, onStep);
      controller.destroy();
    };
  }, [controller]);

  const first = investigation.firstDivergence === null ? null : investigation.findings[investigation.firstDivergence];
  const spanText = summary ? formatDuration(summary.to - summary.from) : '';
  const countText = summary
    ? summary.loading && summary.visible === 0
      ? 'loading events'
      : summary.binned
        ? `about ${formatCount(summary.visible)} events in view, binned`
        : `${formatCount(summary.visible)} event${summary.visible === 1 ? '' : 's'} in view`
    : 'loading events';
  const label = summary
    ? `Timeline, ${state.time} time, ${investigation.lanes.length} lanes, ${formatInstant(summary.from)} to ${formatInstant(summary.to)}, ${countText}.`
    : 'Timeline';

  return (
    <section className="timeline" aria-label="Timeline" data-time={state.time}>
      <div className="timeline__toolbar">
        <TimeModeToggle value={state.time} onChange={(time) => navigate({ time }, 'push')} />
        <span className="timeline__mode-note">
          {state.time === 'aligned' ? 'Each lane shifted by its clock offset' : 'Times as each source wrote them'}
        </span>
        <div className="timeline__zoom" role="group" aria-label="Zoom">
          <button type="button" className="button button--small" onClick={() => controller.zoomCentre(0.5)} title="Zoom out (−)" aria-keyshortcuts="-">
            −<span className="visually-hidden"> Zoom out</span>
          </button>
          <button type="button" className="button button--small" onClick={() => controller.zoomCentre(2)} title="Zoom in (+)" aria-keyshortcuts="+">
            +<span className="visually-hidden"> Zoom in</span>
          </button>
          <button type="button" className="button button--small" onClick={() => controller.reset()} title="Show the whole incident (0)" aria-keyshortcuts="0">
            Whole incident
          </button>
        </div>
        <p className="timeline__status" aria-live="polite" data-loading={summary?.loading ? 'true' : undefined}>
          {summary ? (
            <>
              <span className="mono">{formatInstant(summary.from)}</span> · {spanText} · {countText}
            </>
          ) : (
            'Loading…'
          )}
        </p>
        {summary?.error ? (
          <p className="timeline__error error-text" role="alert">
            {summary.error}{' '}
            <button type="button" className="button button--small" onClick={() => controller.retry()}>
              Retry
            </button>
          </p>
        ) : null}
      </div>

      <div className="timeline__grid">
        <div className="timeline__corner timeline__corner--overview">Whole incident</div>
        <OverviewStrip incidentId={incidentId} extent={extent} time={state.time} fingerprint={investigation.fingerprint} store={controller.store} />

        <LaneLabels investigation={investigation} layout={layout} time={state.time} />
        <div
          ref={plotRef}
          className="timeline__plot"
          tabIndex={0}
          // An application: its keys (+ - arrows 0) are its own, as a screen reader should pass them through.
          role="application"
          aria-roledescription="timeline"
          aria-label={label}
          aria-describedby={helpId}
          data-visible={summary?.visible ?? 0}
          data-binned={summary ? String(summary.binned) : undefined}
          data-loading={summary === null || summary.loading ? 'true' : 'false'}
          data-from={summary?.from}
          data-to={summary?.to}
          data-selected={state.event ?? undefined}
          style={{ height: layout.height }}
          onPointerDown={(e) => controller.pointerDown(e.nativeEvent)}
          onPointerMove={(e) => controller.pointerMove(e.nativeEvent)}
          onPointerUp={(e) => controller.pointerUp(e.nativeEvent)}
          onPointerCancel={() => controller.pointerCancel()}
          onPointerLeave={() => controller.pointerLeave()}
          onKeyDown={(e) => {
            if (controller.keyDown(e)) e.preventDefault();
          }}
        >
          <canvas ref={canvasRef} className="timeline__canvas" aria-hidden="true" />
          <button
            ref={flagRef}
            type="button"
            className="timeline__flag"
            hidden
            title={first ? first.summary : undefined}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => controller.revealFirstDivergence()}
          >
            First divergence
          </button>
          <div ref={tooltipRef} className="timeline__tooltip" role="tooltip" hidden />
        </div>
      </div>
      <p id={helpId} className="timeline__help">
        Wheel to zoom, drag to pan, <kbd>Shift</kbd>+drag to select a range, click an event to open it. With the
        timeline focused: <kbd>+</kbd> <kbd>−</kbd> zoom, <kbd>←</kbd> <kbd>→</kbd> pan, <kbd>0</kbd> whole incident,{' '}
        <kbd>j</kbd> <kbd>k</kbd> next and previous event.
      </p>
    </section>
  );
}

/** The lanes' names and clock offsets, beside the canvas and as tall as its lanes. */
function LaneLabels({ investigation, layout, time }: { investigation: InvestigationDto; layout: LaneLayout; time: 'raw' | 'aligned' }) {
  return (
    <div className="timeline__labels">
      <div className="timeline__corner" style={{ height: layout.axisHeight }}>
        Lane · clock offset
      </div>
      <ol className="timeline__lanes" aria-label="Lanes: one per clock domain, with its offset">
        {investigation.lanes.map((lane) => {
          const name = laneName(lane);
          const service = laneService(lane);
          const explanation = laneOffsetExplanation(lane, time);
          return (
            <li key={lane.index} className="timeline__lane" style={{ height: layout.laneHeight }} title={`${name}\n${explanation}`}>
              <span className="timeline__lane-name">
                {lane.source}
                {service ? <span className="timeline__lane-service"> {service}</span> : null}
              </span>
              <span className={`timeline__offset timeline__offset--${offsetKind(lane)}`} data-applied={time === 'aligned' && lane.offsetMs !== 0}>
                {laneOffsetText(lane)}
              </span>
              <span className="visually-hidden">. {explanation}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
