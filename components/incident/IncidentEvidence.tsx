'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Source } from '../api/api-schemas';
import { EventsPanel } from '../events-table/EventsPanel';
import { SourceList } from '../sources/SourceList';
import { useSources } from '../sources/useSources';
import { ErrorState } from '../ui/ErrorState';
import { StateMessage } from '../ui/StateMessage';
import { isUploadActive } from '../upload/upload-item';
import { UploadDropZone } from '../upload/UploadDropZone';
import { UploadProgressList } from '../upload/UploadProgressList';
import { useUploads } from '../upload/useUploads';

/**
 * An incident's evidence: the drop zone and upload progress, the source summaries (polled while
 * anything is uploading or parsing) and the events. Uploads and the source list meet here
 * because each needs the other: uploads want the current source ids (to recognise their own new
 * source in the polled list) and a refresh when they finish; polling wants to know uploads are live.
 */
export function IncidentEvidence({ incidentId }: { incidentId: string }) {
  const sourcesRef = useRef<readonly Source[]>([]);
  const refreshRef = useRef<() => void>(() => undefined);
  const knownSourceIds = useCallback(() => new Set(sourcesRef.current.map((s) => s.id)), []);
  const onSettled = useCallback(() => refreshRef.current(), []);

  const { uploads, addFiles, dismissFinished } = useUploads(incidentId, knownSourceIds, onSettled);
  const { sources, error, refresh } = useSources(incidentId, uploads.some(isUploadActive));

  useEffect(() => {
    sourcesRef.current = sources ?? [];
    refreshRef.current = refresh;
  }, [sources, refresh]);

  // Refetch events when a source changes state (e.g. parsing -> ready), not on every progress poll.
  const refreshKey = useMemo(() => (sources ?? []).map((s) => `${s.id}:${s.status}`).join(','), [sources]);

  return (
    <>
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Add evidence</h2>
        <UploadDropZone onFiles={addFiles} />
        <UploadProgressList uploads={uploads} sources={sources ?? []} onDismissFinished={dismissFinished} />
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {error && sources === null ? (
          <ErrorState title="Could not load the sources" message={error} onRetry={refresh} />
        ) : sources === null ? (
          <StateMessage title="Loading sources…" />
        ) : sources.length === 0 ? (
          <StateMessage title="No sources yet">
            Drop files here: log files, HARs and trace exports, several at once.
          </StateMessage>
        ) : (
          <SourceList sources={sources} />
        )}
        {error && sources !== null ? (
          <p className="error-text" role="alert">
            Refreshing the sources failed: {error}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        {sources === null ? null : <EventsPanel incidentId={incidentId} sources={sources} refreshKey={refreshKey} />}
      </section>
    </>
  );
}
