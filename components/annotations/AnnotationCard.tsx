'use client';

import { useState } from 'react';
import { ANNOTATION_KIND_LABELS, type AnnotationDto } from '@/lib/schemas/annotation';
import { errorMessage } from '../api/api-client';
import { deleteAnnotation, restoreAnnotation, updateAnnotation } from './annotation-api';
import { AnnotationForm } from './AnnotationForm';
import { MarkdownText } from './MarkdownText';
import { RevisionHistory } from './RevisionHistory';
import { useAuthor } from './useAuthor';

interface AnnotationCardProps {
  incidentId: string;
  annotation: AnnotationDto;
  /** What it is about, in words (the form repeats it). */
  targetText: string;
  readOnly: boolean;
  /** After a change: refresh the shared list. */
  onChanged: () => Promise<void>;
}

function when(iso: string): string {
  return `${new Date(iso).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

/**
 * One annotation where it shows: kind, author, when, the body as text; edit and delete (or
 * restore, when deleted) unless read-only; "edited N×" opens its history.
 */
export function AnnotationCard({ incidentId, annotation: a, targetText, readOnly, onChanged }: AnnotationCardProps) {
  const author = useAuthor();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deleted = a.deletedAt !== null;
  const who = author.signedIn ? undefined : author.name || undefined;

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
      await onChanged();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }

  return (
    <li className={deleted ? 'annotation-card annotation-card--deleted' : 'annotation-card'} data-annotation-id={a.id} aria-label={`${ANNOTATION_KIND_LABELS[a.kind]} annotation by ${a.author}`}>
      <div className="annotation-card__head">
        <strong className="annotation-kind">{ANNOTATION_KIND_LABELS[a.kind]}</strong>
        <span className="annotation-card__meta">
          {a.author} · {when(a.createdAt)}
        </span>
        {deleted ? <span className="badge">deleted</span> : null}
        {a.changes > 0 ? (
          <button type="button" className="button button--link" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
            edited {a.changes}×
          </button>
        ) : null}
      </div>
      {editing ? (
        <AnnotationForm
          targetText={targetText}
          initial={{ kind: a.kind, body: a.body }}
          submitLabel="Save annotation"
          onCancel={() => setEditing(false)}
          onSubmit={async (d) => {
            await updateAnnotation(incidentId, a.id, { kind: d.kind, body: d.body, author: d.author });
            setEditing(false);
            await onChanged();
          }}
        />
      ) : (
        <MarkdownText body={a.body} />
      )}
      {history ? <RevisionHistory incidentId={incidentId} annotationId={a.id} version={a.updatedAt + (a.deletedAt ?? '')} /> : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {!readOnly && !editing ? (
        <div className="annotation-card__actions">
          {deleted ? (
            <button type="button" className="button button--small" onClick={() => void act(() => restoreAnnotation(incidentId, a.id, who))}>
              Restore
            </button>
          ) : (
            <>
              <button type="button" className="button button--small" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="button button--small" onClick={() => void act(() => deleteAnnotation(incidentId, a.id, who))}>
                Delete
              </button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}
