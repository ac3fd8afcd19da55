'use client';

import './postmortem.css';
import '../annotations/annotations.css';
import { useId, useMemo, useState } from 'react';
import { narrativeDtoSchema } from '@/lib/schemas/annotation';
import { useReadOnly } from '../access/ReadOnlyContext';
import { annotationUrls } from '../annotations/annotation-api';
import { AnnotationCard } from '../annotations/AnnotationCard';
import { useAnnotations, usePostmortem } from '../annotations/useAnnotations';
import { useApiResource } from '../api/useApiResource';
import { ErrorState } from '../ui/ErrorState';
import { StateMessage } from '../ui/StateMessage';
import { NarrativeItemView } from './NarrativeItemView';
import { PostmortemText } from './PostmortemText';

export interface PostmortemViewProps {
  incidentId: string;
  readOnly: boolean;
}

/**
 * The postmortem (issue 5): its title, summary and impact, then the narrative in aligned time
 * (annotations and the findings marked part of the story, each with its evidence: raw lines and
 * witness values), and the exports. Deleted annotations stay reachable with their history.
 */
export function PostmortemView({ incidentId, readOnly: readOnlyProp }: PostmortemViewProps) {
  const headingId = useId();
  const readOnly = useReadOnly() || readOnlyProp;
  const { postmortem, error: postmortemError, refresh: refreshPostmortem, put } = usePostmortem(incidentId);
  const { all, refresh } = useAnnotations(incidentId);
  const [showDeleted, setShowDeleted] = useState(false);
  // The narrative is fetched again whenever an annotation or the story changes.
  const version = useMemo(
    () => `${all.map((a) => `${a.id}:${a.updatedAt}:${a.deletedAt ?? ''}`).join(',')}|${postmortem?.story.map((s) => `${s.kind}:${s.eventId}`).join(',') ?? ''}`,
    [all, postmortem],
  );
  const narrative = useApiResource(annotationUrls.narrative(incidentId), narrativeDtoSchema, version);
  const deleted = all.filter((a) => a.deletedAt !== null);

  return (
    <section className="postmortem" aria-labelledby={headingId}>
      <header className="postmortem__head">
        <h2 id={headingId}>Postmortem</h2>
        <a className="button button--small" href={annotationUrls.markdown(incidentId)} download>
          Export Markdown
        </a>
        {/* The bundle holds the sources' bytes: a share link never reaches it, so a shared view does not offer it. */}
        {readOnly ? null : (
          <a className="button button--small" href={annotationUrls.bundle(incidentId)} download>
            Export bundle
          </a>
        )}
      </header>

      {postmortem ? (
        <PostmortemText key={postmortem.updatedAt ?? 'unsaved'} incidentId={incidentId} postmortem={postmortem} readOnly={readOnly} onSaved={put} />
      ) : postmortemError ? (
        <ErrorState title="Could not load the postmortem" message={postmortemError} onRetry={() => void refreshPostmortem()} />
      ) : (
        <StateMessage title="Loading the postmortem…" />
      )}

      <section aria-label="Narrative">
        <h3>Narrative (aligned time)</h3>
        {narrative.data ? (
          narrative.data.items.length === 0 ? (
            <StateMessage title="Nothing in the story yet">
              Annotate events, states and windows from the other views, or mark findings as part of the story in the findings view.
            </StateMessage>
          ) : (
            <ol className="narrative">
              {narrative.data.items.map((item) => (
                <NarrativeItemView
                  key={item.annotation ? `a:${item.annotation.id}` : `f:${item.finding?.kind}:${item.finding?.eventId}`}
                  incidentId={incidentId}
                  item={item}
                  readOnly={readOnly}
                  onChanged={refresh}
                />
              ))}
            </ol>
          )
        ) : narrative.status === 'error' ? (
          <ErrorState title="Could not load the narrative" message={narrative.error?.message ?? 'Unknown error'} onRetry={narrative.retry} />
        ) : (
          <StateMessage title="Reading the story…" />
        )}
      </section>

      <section aria-label="Deleted annotations">
        <label>
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} /> Show deleted annotations ({deleted.length})
        </label>
        {showDeleted ? (
          deleted.length === 0 ? (
            <p className="muted">No annotation was deleted.</p>
          ) : (
            <ul className="annotation-list">
              {deleted.map((a) => (
                <AnnotationCard key={a.id} incidentId={incidentId} annotation={a} targetText={a.target.type === 'event' ? `event #${a.target.eventId}` : a.target.type} readOnly={readOnly} onChanged={refresh} />
              ))}
            </ul>
          )
        ) : null}
      </section>
    </section>
  );
}
