'use client';

import { useEffect, useState } from 'react';
import { ANNOTATION_KIND_LABELS, type AnnotationRevisionDto } from '@/lib/schemas/annotation';
import { errorMessage } from '../api/api-client';
import { fetchRevisions } from './annotation-api';
import { MarkdownText } from './MarkdownText';

/** Every version of an annotation, oldest first: who did what when, and the text it had then. */
export function RevisionHistory({ incidentId, annotationId, version }: { incidentId: string; annotationId: string; version: string }) {
  const [revisions, setRevisions] = useState<AnnotationRevisionDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchRevisions(incidentId, annotationId)
      .then((r) => live && setRevisions(r))
      .catch((cause: unknown) => live && setError(errorMessage(cause)));
    return () => {
      live = false;
    };
  }, [incidentId, annotationId, version]);

  if (error) return <p className="error-text">{error}</p>;
  if (!revisions) return <p className="muted">Loading the history…</p>;
  return (
    <ol className="annotation-history" aria-label="History">
      {revisions.map((r, i) => (
        <li key={i} data-action={r.action}>
          <span className="annotation-card__meta">
            <strong>{r.action}</strong> by {r.editor} · {new Date(r.createdAt).toISOString().replace('T', ' ').slice(0, 19)} UTC ·{' '}
            {ANNOTATION_KIND_LABELS[r.kind]}
          </span>
          <MarkdownText body={r.body} />
        </li>
      ))}
    </ol>
  );
}
