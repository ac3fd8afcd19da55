'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AnalysisOverview } from '../analysis/AnalysisOverview';
import { useReport } from '../analysis/useReport';
import type { Source } from '../api/api-schemas';
import type { Finding, ReportDomain } from '../api/report-schemas';
import { NO_FILTERS, type EventFilters } from '../events-table/event-filters';
import { EventsPanel } from '../events-table/EventsPanel';
import type { EventFocusRequest } from '../events-table/useEventFocus';
import { updateFilterUrl } from '../events-table/useEventFilters';
import { saveClockOverride, type ClockRef } from '../sources/clock-override';
import { SourcesSummary } from '../sources/SourcesSummary';
import { SourceTable } from '../sources/SourceTable';
import { useProfileOffsets } from '../sources/useProfileOffsets';
import { useSources } from '../sources/useSources';
import { isUploadActive } from '../upload/upload-item';
import { UploadDropZone } from '../upload/UploadDropZone';
import { UploadProgressList } from '../upload/UploadProgressList';
import { useUploads } from '../upload/useUploads';
import { IncidentLayout } from './IncidentLayout';
import { ProfileToggleButton } from './ProfileToggleButton';

interface IncidentEvidenceProps {
  incidentId: string;
  /** The sources as the server rendered them: the layout is right from the first paint. */
  initialSources: readonly Source[];
}

/**
 * An incident's analysis and evidence, in the order an on-call engineer needs them: the first
 * divergence (the headline), add files (a slim bar once there is evidence), the sources (one row
 * each with its clock offset, polled while anything is uploading or parsing), then the events,
 * which take the rest of the window; the profile editor opens beside them. Uploads, sources,
 * the report and the events meet here because each needs the others: uploads want the current
 * source ids and a refresh when they finish; the report is recomputed when a source changes
 * status or the profile is saved; a finding's "Show event" drives the events table.
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

  const [profileVersion, setProfileVersion] = useState(0);
  const analysis = useReport(incidentId, `${refreshKey}|profile:${profileVersion}`);
  const clocks = useMemo(() => {
    if (!analysis.report) return null;
    return new Map<string, readonly ReportDomain[]>(analysis.report.sources.map((s) => [s.name, s.domains]));
  }, [analysis.report]);

  const onProfileSaved = useCallback(() => setProfileVersion((n) => n + 1), []);
  const offsets = useProfileOffsets(incidentId, profileVersion);
  // A clock's Adjust saves the profile behind the panel's back: the panel reloads it (`profileEdits`
  // remounts it), then the same refresh as a save from the panel re-analyzes.
  const [profileEdits, setProfileEdits] = useState(0);
  const saveOffset = useCallback(
    async (clock: ClockRef, offsetMs: number | null) => {
      await saveClockOverride(incidentId, clock, offsetMs);
      setProfileEdits((n) => n + 1);
      onProfileSaved();
    },
    [incidentId, onProfileSaved],
  );

  const [focus, setFocus] = useState<EventFocusRequest | null>(null);
  // "Show event": the request's events when the finding names a request (the story around the
  // trigger, across sources), else the trigger's source; the table then finds the row by its
  // source and locator and selects it. The source alone is the fallback, since a record may not
  // carry the identifier that names its request group in the report.
  const showEvent = useCallback(
    (finding: Finding) => {
      const source = sources.find((s) => s.name === finding.event.source);
      const bySource: EventFilters | null = source ? { ...NO_FILTERS, sources: [source.id] } : null;
      const primary: EventFilters | null = finding.request ? { ...NO_FILTERS, request: finding.request } : bySource;
      if (!primary) return;
      updateFilterUrl(primary);
      setFocus((previous) => ({
        ref: finding.event,
        filters: primary,
        fallback: finding.request ? bySource : null,
        nonce: (previous?.nonce ?? 0) + 1,
      }));
      document.getElementById('events-heading')?.scrollIntoView({ block: 'nearest' });
    },
    [sources],
  );

  return (
    <IncidentLayout incidentId={incidentId} onProfileSaved={onProfileSaved} profileEdits={profileEdits}>
      <AnalysisOverview
        report={analysis.report}
        status={analysis.status}
        error={analysis.error}
        tookMs={analysis.tookMs}
        onRetry={analysis.retry}
        hasSources={hasSources}
        onShowEvent={showEvent}
        actions={<ProfileToggleButton />}
      />

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
          <SourceTable sources={sources} clocks={clocks} offsets={offsets} onSaveOffset={saveOffset} />
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

      <EventsPanel incidentId={incidentId} sources={sources} refreshKey={refreshKey} focus={focus} />
    </IncidentLayout>
  );
}
