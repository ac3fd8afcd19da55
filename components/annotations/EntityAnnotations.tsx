'use client';

import './annotations.css';
import { useId } from 'react';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import type { EntityFieldDto } from '@/lib/schemas/investigation';
import { AnnotationThread } from './AnnotationThread';

interface EntityAnnotationsProps {
  incidentId: string;
  entity: string;
  field: EntityFieldDto;
  /** State annotations of this field. */
  annotations: readonly AnnotationDto[];
  /** The row whose state is being annotated (its notes button), or null. */
  row: number | null;
  onCloseRow: () => void;
}

function timeText(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 23)} UTC`;
}

/**
 * Below the witness table: the annotations on this field's state, and, when a row's notes button
 * was pressed, the form to annotate the state at that row's moment (target type `state`).
 */
export function EntityAnnotations({ incidentId, entity, field, annotations, row, onCloseRow }: EntityAnnotationsProps) {
  const headingId = useId();
  const chosen = row === null ? null : (field.rows[row] ?? null);
  if (annotations.length === 0 && chosen === null) return null;
  return (
    <section className="annotation-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Annotations on {entity} · {field.field} <span className="muted">{annotations.length}</span>
      </h3>
      <AnnotationThread
        key={row ?? 'none'}
        incidentId={incidentId}
        annotations={annotations}
        target={chosen ? { type: 'state', entity, field: field.field, at: chosen.at } : null}
        targetText={chosen ? `${entity} ${field.field} at ${timeText(chosen.at)}` : `${entity} ${field.field}`}
        annotateLabel={chosen ? `Annotate the state at ${timeText(chosen.at)}` : 'Annotate'}
        startOpen={chosen !== null}
        onClose={onCloseRow}
      />
    </section>
  );
}
