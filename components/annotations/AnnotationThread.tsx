'use client';

import './annotations.css';
import { useState } from 'react';
import { useReadOnly } from '../access/ReadOnlyContext';
import type { AnnotationDto, AnnotationTarget } from '@/lib/schemas/annotation';
import { createAnnotation } from './annotation-api';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationForm } from './AnnotationForm';
import { useAnnotations } from './useAnnotations';

interface AnnotationThreadProps {
  incidentId: string;
  /** The annotations to list here (already chosen for this target). */
  annotations: readonly AnnotationDto[];
  /** Where a new annotation goes; null: nothing to annotate here (list only). */
  target: AnnotationTarget | null;
  targetText: string;
  /** Read-only also when the page says so (a share link: useReadOnly). */
  readOnly?: boolean;
  /** The create button's text. */
  annotateLabel?: string;
  /** Open the form at once (a row's "Annotate" asked for it). */
  startOpen?: boolean;
  onClose?: () => void;
}

/** The annotations about one target, each editable in place, and the button and form to add one. */
export function AnnotationThread({ incidentId, annotations, target, targetText, readOnly: readOnlyProp = false, annotateLabel = 'Annotate', startOpen = false, onClose }: AnnotationThreadProps) {
  const readOnly = useReadOnly() || readOnlyProp;
  const { refresh } = useAnnotations(incidentId);
  const [open, setOpen] = useState(startOpen);
  const close = () => {
    setOpen(false);
    onClose?.();
  };
  return (
    <div className="annotation-thread">
      {annotations.length > 0 ? (
        <ul className="annotation-list" aria-label={`Annotations on ${targetText}`}>
          {annotations.map((a) => (
            <AnnotationCard key={a.id} incidentId={incidentId} annotation={a} targetText={targetText} readOnly={readOnly} onChanged={refresh} />
          ))}
        </ul>
      ) : null}
      {!readOnly && target ? (
        open ? (
          <AnnotationForm
            targetText={targetText}
            submitLabel="Add annotation"
            onCancel={close}
            onSubmit={async (d) => {
              await createAnnotation(incidentId, { kind: d.kind, target, body: d.body, author: d.author });
              close();
              await refresh();
            }}
          />
        ) : (
          <button type="button" className="button button--small" onClick={() => setOpen(true)}>
            {annotateLabel}
          </button>
        )
      ) : null}
    </div>
  );
}
