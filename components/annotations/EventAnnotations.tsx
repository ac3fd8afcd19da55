'use client';

import './annotations.css';
import { useId } from 'react';
import { annotationsOnEvent } from './annotation-targets';
import { AnnotationThread } from './AnnotationThread';
import { useAnnotations } from './useAnnotations';

/** The annotations on one event, in its detail panel, and "Annotate this event". */
export function EventAnnotations({ incidentId, eventId }: { incidentId: string; eventId: number }) {
  const headingId = useId();
  const { annotations, error } = useAnnotations(incidentId);
  const mine = annotationsOnEvent(annotations, eventId);
  return (
    <section className="annotation-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Annotations <span className="muted">{mine.length}</span>
      </h3>
      {error ? <p className="error-text">{error}</p> : null}
      <AnnotationThread incidentId={incidentId} annotations={mine} target={{ type: 'event', eventId }} targetText={`event #${eventId}`} annotateLabel="Annotate this event" />
    </section>
  );
}
