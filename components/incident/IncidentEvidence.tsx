'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReadOnly } from '../access/ReadOnlyContext';
import { AnalysisOverview } from '../analysis/AnalysisOverview';
import { useReport } from '../analysis/useReport';
import type { Source } from '../api/api-schemas';
import type { ReportDomain } from '../api/report-schemas';
import { showFindingInTimeline } from '../investigate/FindingsPanel';
import { parseInvestigationState } from '../investigate/investigation-url';
import { InvestigationViews } from '../investigate/InvestigationViews';
import { useInvestigation } from '../investigate/useInvestigation';
import { navigateInvestigation } from '../investigate/useInvestigationUrl';
import { ShareButton } from '../share/ShareButton';
import { SharedSourceList } from '../share/SharedSourceList';
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
 * divergence (the headline, with the way to it), add files (a slim bar once there is evidence),
 * then the investigation's views (timeline, findings, request, entity, events, sources), which
 * take the rest of the window; the profile editor opens beside them. Uploads, sources, the
 * report and the investigation meet here because each needs the others: uploads want the current
 * source ids and a refresh when they finish; the report and the investigation are recomputed
 * when a source changes status or the profile is saved.
 */
export function IncidentEvidence({ incidentId, initialSources }: IncidentEvidenceProps) {
  // A share link shows the same views read-only: no upload, no clock Adjust, no profile, no sharing.
  const readOnly = useReadOnly();
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

  // Refetch the analysis when a source changes state (e.g. parsing -> ready), not on every progress poll.
  const refreshKey = useMemo(() => sources.map((s) => `${s.id}:${s.status}`).join(','), [sources]);
  // The events listing shows a parsing source's events so far: fetched again once its first ones land.
  const eventsRefreshKey = useMemo(() => sources.map((s) => `${s.id}:${s.status}${s.status === 'parsing' && s.events > 0 ? ':some' : ''}`).join(','), [sources]);
  // The evidence overview grows with every progress poll while a source is parsed.
  const overviewVersion = useMemo(() => sources.map((s) => `${s.id}:${s.status}:${s.events}`).join(','), [sources]);
  const ingesting = sources.some((s) => s.status === 'uploading' || s.status === 'parsing');
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

  const { investigation, status, error: investigationError, errorCode: investigationErrorCode, retry } = useInvestigation(incidentId, `${refreshKey}|profile:${profileVersion}`);
  const first = investigation?.firstDivergence != null ? (investigation.findings[investigation.firstDivergence] ?? null) : null;
  const goToFirst = useMemo(() => {
    if (!investigation || !first) return null;
    return () => showFindingInTimeline(first, investigation, parseInvestigationState(new URLSearchParams(window.location.search)).time, navigateInvestigation);
  }, [investigation, first]);
  const openFirstEntity = useMemo(() => {
    if (!first?.entity) return null;
    return () => navigateInvestigation({ view: 'entity', entity: first.entity, field: first.field, event: first.eventId });
  }, [first]);
  const showKind = useCallback((kind: string) => navigateInvestigation({ view: 'findings', kinds: [kind] }), []);
  const showSources = useCallback(() => navigateInvestigation({ view: 'sources' }), []);

  const sourcesView = (
    <section aria-labelledby="sources-heading" className="sources-section">
      <div className="section-head">
        <h2 id="sources-heading">Sources</h2>
        {hasSources ? <SourcesSummary sources={sources} /> : null}
      </div>
      {readOnly ? (
        <SharedSourceList sources={sources} />
      ) : hasSources ? (
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
        ingesting={ingesting}
        onGoToFirst={goToFirst}
        onOpenFirstEntity={openFirstEntity}
        onShowKind={showKind}
        onShowSources={showSources}
        actions={
          readOnly ? null : (
            <>
              <ShareButton incidentId={incidentId} />
              <ProfileToggleButton />
            </>
          )
        }
      />

      {readOnly ? null : (
        <section aria-labelledby="upload-heading" className={hasSources ? 'evidence-section evidence-section--compact' : 'evidence-section'}>
          <h2 id="upload-heading">Add evidence</h2>
          <UploadDropZone onFiles={addFiles} compact={hasSources} />
          <UploadProgressList uploads={uploads} sources={sources} onDismissFinished={dismissFinished} />
        </section>
      )}

      <InvestigationViews
        incidentId={incidentId}
        investigation={investigation}
        status={status}
        error={investigationError}
        errorCode={investigationErrorCode}
        onRetry={retry}
        sources={sources}
        eventsRefreshKey={eventsRefreshKey}
        overviewVersion={overviewVersion}
        ingesting={ingesting}
        sourcesView={sourcesView}
      />
    </IncidentLayout>
  );
}
