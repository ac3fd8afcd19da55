'use client';

import './annotations.css';
import { useMemo, useState } from 'react';
import { ANNOTATION_KIND_LABELS, type AnnotationDto } from '@/lib/schemas/annotation';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import { useReadOnly } from '../access/ReadOnlyContext';
import type { InvestigationState } from '../investigate/investigation-url';
import type { Navigate } from '../investigate/useInvestigationUrl';
import { annotationsInWindow } from './annotation-targets';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationThread } from './AnnotationThread';
import { useAnnotations } from './useAnnotations';

interface TimelineAnnotationsProps {
  incidentId: string;
  investigation: InvestigationDto;
  state: InvestigationState;
  navigate: Navigate;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function firstLine(body: string): string {
  return body.split('\n').find((l) => l.trim() !== '') ?? '';
}

/**
 * Under the timeline: the annotations about the current window as chips (ranges overlapping it,
 * states inside it, events whose time the findings give), one opened below for reading, editing
 * and its history, and "Annotate this window" (a `range` target). Annotations are in aligned time,
 * so in raw mode the window is not offered for annotating.
 */
export function TimelineAnnotations({ incidentId, investigation, state, navigate }: TimelineAnnotationsProps) {
  const readOnly = useReadOnly();
  const { annotations, refresh } = useAnnotations(incidentId);
  const [openId, setOpenId] = useState<string | null>(null);
  const extent = investigation.extent.aligned;
  const win = useMemo(() => state.window ?? (extent ? { from: extent[0], to: extent[1] } : null), [state.window, extent]);
  const eventTimes = useMemo(() => {
    const times = new Map<number, number>();
    for (const f of [...investigation.findings, ...investigation.signals]) times.set(f.eventId, f.at);
    return times;
  }, [investigation]);
  const inWindow = useMemo(
    () => (win && state.time === 'aligned' ? annotationsInWindow(annotations, win, (id) => eventTimes.get(id)) : []),
    [annotations, win, state.time, eventTimes],
  );
  const open = inWindow.find((a) => a.id === openId) ?? null;

  function go(a: AnnotationDto) {
    setOpenId((id) => (id === a.id ? null : a.id));
    if (a.target.type === 'event') navigate({ event: a.target.eventId });
  }

  if (!win) return null;
  const windowText = `the window ${clock(win.from)} – ${clock(win.to)} UTC`;
  return (
    <section className="annotation-strip" aria-label="Annotations in this window">
      <strong>Annotations</strong>
      {state.time === 'raw' ? (
        <span className="muted">Annotations are in aligned time: switch to aligned to see and add them.</span>
      ) : inWindow.length === 0 ? (
        <span className="muted">none in this window</span>
      ) : (
        <ul className="annotation-strip__list">
          {inWindow.map((a) => (
            <li key={a.id}>
              <button type="button" className="chip annotation-chip" aria-pressed={a.id === openId} title={a.body} onClick={() => go(a)}>
                {ANNOTATION_KIND_LABELS[a.kind]}: {firstLine(a.body)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && state.time === 'aligned' ? (
        <AnnotationThread
          key={`${win.from}-${win.to}`}
          incidentId={incidentId}
          annotations={[]}
          target={{ type: 'range', from: win.from, to: win.to }}
          targetText={windowText}
          annotateLabel="Annotate this window"
        />
      ) : null}
      {open ? (
        <ul className="annotation-list" style={{ flexBasis: '100%' }}>
          <AnnotationCard incidentId={incidentId} annotation={open} targetText={targetText(open)} readOnly={readOnly} onChanged={refresh} />
        </ul>
      ) : null}
    </section>
  );
}

function targetText(a: AnnotationDto): string {
  const t = a.target;
  if (t.type === 'event') return `event #${t.eventId}`;
  if (t.type === 'state') return `${t.entity} ${t.field} at ${clock(t.at)} UTC`;
  return `the window ${clock(t.from)} – ${clock(t.to)} UTC`;
}
