'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Source } from '../api/api-schemas';
import { EventsPanel } from '../events-table/EventsPanel';
import { SourcesSummary } from '../sources/SourcesSummary';
import { SourceTable } from '../sources/SourceTable';
import { useSources } from '../sources/useSources';
import { isUploadActive } from '../upload/upload-item';
import { UploadDropZone } from '../upload/UploadDropZone';
import { UploadProgressList } from '../upload/UploadProgressList';
import { useUploads } from '../upload/useUploads';

interface IncidentEvidenceProps {
  incidentId: string;
  /** The sources as the server rendered them: the layout is right from the first paint. */
  initialSources: readonly Source[];
}

/**
 * An incident's evidence, in the order an on-call engineer needs it: add files (a slim bar once
 * there is evidence), the sources (one row each, polled while anything is uploading or parsing),
 * then the events, which take the rest of the window. Uploads and the source list meet here
 * because each needs the other: uploads want the current source ids (to recognise their own new
 * source in the polled list) and a refresh when they finish; polling wants to know uploads are live.
 */
export function IncidentEvidence({ incidentId, initialSources }: IncidentEvidenceProps) {
  const sourcesRef = useRef<readonly Source[]>(initialSources);
  const refreshRef = useRef<() => void>(() => undefined);
  const knownSourceIds = useCallback(() => new Set(sourcesRef.current.map((s) => s.id)), []);
  const onSettled = useCallback(() => refreshRef.current(), []);

  const { uploads, addFiles, dismissFinished } = useUploads(incidentId, knownSourceIds, onSettled);
  const { sources, error, refresh } = useSources(incidentId, uploads.some(isUploadActive), initialSources);

  useEffect(() => {
    sourcesRef.current = sources;
    refreshRef.current = refresh;
  }, [sources, refresh]);

  // Refetch events when a source changes state (e.g. parsing -> ready), not on every progress poll.
  const refreshKey = useMemo(() => sources.map((s) => `${s.id}:${s.status}`).join(','), [sources]);
  const hasSources = sources.length > 0;

  return (
    <>
      <section
        aria-labelledby="upload-heading"
        className={hasSources ? 'evidence-section evidence-section--compact' : 'evidence-section'}
      >
        <h2 id="upload-heading">Add evidence</h2>
        <UploadDropZone onFiles={addFiles} compact={hasSources} />
        <UploadProgressList uploads={uploads} sources={sources} onDismissFinished={dismissFinished} />
      </section>

      <section aria-labelledby="sources-heading" className="sources-section">
        <div className="section-head">
          <h2 id="sources-heading">Sources</h2>
          {hasSources ? <SourcesSummary sources={sources} /> : null}
        </div>
        {hasSources ? (
          <SourceTable sources={sources} />
        ) : (
          <p className="muted sources-empty">No sources yet: each file you add gets a row here.</p>
        )}
        {error ? (
          <p className="error-text" role="alert">
            Refreshing the sources failed: {error}{' '}
            <button type="button" className="button button--link" onClick={refresh}>
              Retry
            </button>
          </p>
        ) : null}
      </section>

      <EventsPanel incidentId={incidentId} sources={sources} refreshKey={refreshKey} />
    </>
  );
}
